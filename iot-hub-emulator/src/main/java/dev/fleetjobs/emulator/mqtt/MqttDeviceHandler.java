package dev.fleetjobs.emulator.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.emulator.errors.IotHubErrorException;
import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.json.Json;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

/** One device connection: MQTT 3.1.1 packets to core calls (iot-hub-protocol.md §4). */
final class MqttDeviceHandler extends SimpleChannelInboundHandler<MqttMessage> {

	static final String IDLE = "idle";

	private static final Logger log = LoggerFactory.getLogger(MqttDeviceHandler.class);

	private final MqttServices services;

	private DeviceSession session;

	MqttDeviceHandler(MqttServices services) {
		this.services = services;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
		if (message.decoderResult().isFailure()) {
			log.debug("Closing a device connection after a malformed packet: {}",
					message.decoderResult().cause().toString());
			ctx.close();
			return;
		}
		if (this.session == null) {
			if (message instanceof MqttConnectMessage connect) {
				connect(ctx, connect);
			}
			else {
				ctx.close();
			}
			return;
		}
		switch (message.fixedHeader().messageType()) {
			case PUBLISH -> publish(ctx, (MqttPublishMessage) message);
			case SUBSCRIBE -> subscribe(ctx, (MqttSubscribeMessage) message);
			case UNSUBSCRIBE -> unsubscribe(ctx, (MqttUnsubscribeMessage) message);
			case PINGREQ -> ctx.writeAndFlush(MqttMessage.PINGRESP);
			case DISCONNECT, CONNECT -> ctx.close();
			default -> {
				// PUBACKs for QoS 0 traffic never come; anything else is ignored
			}
		}
	}

	private void connect(ChannelHandlerContext ctx, MqttConnectMessage connect) {
		String clientId = connect.payload().clientIdentifier();
		if (connect.variableHeader().version() != 4) {
			refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION, clientId,
					"MQTT 3.1.1 only");
			return;
		}
		if (clientId == null || clientId.isEmpty() || clientId.contains("/")) {
			refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED, clientId,
					"the client id must be a device id (modules are not emulated)");
			return;
		}
		String username = connect.payload().userName();
		if (username == null || !username.contains("/" + clientId + "/")) {
			refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD, clientId,
					"the user name must be {host}/{deviceId}/?api-version=...");
			return;
		}
		byte[] password = connect.payload().passwordInBytes();
		try {
			this.services.authenticator()
				.authorizeDevice(clientId, (password != null) ? new String(password, StandardCharsets.UTF_8) : null);
		}
		catch (IotHubErrorException ex) {
			refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED, clientId, ex.getMessage());
			return;
		}
		int keepAlive = connect.variableHeader().keepAliveTimeSeconds();
		if (keepAlive > 0) {
			ctx.pipeline().replace(IDLE, IDLE, new IdleStateHandler(keepAlive * 3L / 2, 0, 0, TimeUnit.SECONDS));
		}
		else {
			ctx.pipeline().remove(IDLE);
		}
		boolean clean = connect.variableHeader().isCleanSession();
		this.session = this.services.sessions().connect(clientId, ctx.channel(), clean);
		ctx.writeAndFlush(MqttMessageBuilders.connAck()
			.returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
			.sessionPresent(!clean && !this.session.subscriptions().isEmpty())
			.build());
		log.debug("Device {} connected", clientId);
	}

	private void refuse(ChannelHandlerContext ctx, MqttConnectReturnCode code, String clientId, String reason) {
		log.info("Refused device connection '{}': {}", clientId, reason);
		ctx.writeAndFlush(MqttMessageBuilders.connAck().returnCode(code).build()).addListener((f) -> ctx.close());
	}

	private void publish(ChannelHandlerContext ctx, MqttPublishMessage publish) {
		if (publish.fixedHeader().qosLevel() == MqttQoS.EXACTLY_ONCE) {
			ctx.close();
			return;
		}
		String deviceId = this.session.deviceId();
		DeviceTopics.Inbound inbound = DeviceTopics.parse(publish.variableHeader().topicName(), deviceId);
		if (inbound instanceof DeviceTopics.MethodResponse response) {
			this.services.methods()
				.complete(deviceId, response.requestId(), response.status(), payload(publish.payload()));
		}
		else if (inbound instanceof DeviceTopics.TwinGet get) {
			twinGet(get.requestId());
		}
		else if (inbound instanceof DeviceTopics.ReportedPatch patch) {
			reported(patch.requestId(), publish.payload());
		}
		else if (inbound instanceof DeviceTopics.Unknown unknown) {
			log.debug("Device {} published to an unknown topic: {}", deviceId, unknown.reason());
		}
		if (publish.fixedHeader().qosLevel() == MqttQoS.AT_LEAST_ONCE) {
			ctx.writeAndFlush(MqttMessageBuilders.pubAck().packetId(publish.variableHeader().packetId()).build());
		}
		if (inbound instanceof DeviceTopics.Telemetry telemetry && telemetry.faultOperation() != null) {
			injectFault(ctx, deviceId, telemetry);
		}
	}

	/**
	 * The hub's test faults, asked for by a device message with the
	 * {@code AzIoTHub_FaultOperation*} properties (Azure's SDK e2e tests use them): over
	 * MQTT, {@code KillTcp} and {@code ShutDownMqtt} drop the connection after the delay;
	 * the AMQP ones do not apply to an MQTT connection and are ignored.
	 */
	private void injectFault(ChannelHandlerContext ctx, String deviceId, DeviceTopics.Telemetry telemetry) {
		String operation = telemetry.faultOperation();
		if (!operation.equals("KillTcp") && !operation.equals("ShutDownMqtt")) {
			log.info("Device {} asked for fault {}, which does not apply to MQTT; ignored", deviceId, operation);
			return;
		}
		int delay = telemetry.faultDelaySeconds();
		log.info("Device {} asked for fault {} in {} s", deviceId, operation, delay);
		// a Runnable, not the Callable overload: close() returns a future
		ctx.executor().schedule((Runnable) ctx::close, delay, TimeUnit.SECONDS);
	}

	private void twinGet(String requestId) {
		try {
			byte[] body = Json.bytes(this.services.twins().deviceView(this.session.deviceId()));
			this.session.publish(DeviceTopics.twinResponse(200, requestId, null), Unpooled.wrappedBuffer(body));
		}
		catch (IotHubErrorException ex) {
			twinError(requestId, ex);
		}
	}

	private void reported(String requestId, ByteBuf payload) {
		try {
			JsonNode patch = Json.parse(ByteBufUtil.getBytes(payload));
			long version = this.services.twins().updateReported(this.session.deviceId(), patch);
			DeviceSession current = this.session;
			this.services.store()
				.flush()
				.whenComplete((committed, error) -> current.publish(DeviceTopics.twinResponse(204, requestId, version),
						Unpooled.EMPTY_BUFFER));
		}
		catch (IotHubErrorException ex) {
			twinError(requestId, ex);
		}
	}

	private void twinError(String requestId, IotHubErrorException error) {
		this.session.publish(DeviceTopics.twinResponse(error.httpStatus(), requestId, null),
				Unpooled.wrappedBuffer(Json.bytes(IotHubErrors.deviceBody(error))));
	}

	private static JsonNode payload(ByteBuf payload) {
		if (!payload.isReadable()) {
			return NullNode.getInstance();
		}
		byte[] bytes = ByteBufUtil.getBytes(payload);
		try {
			return Json.MAPPER.readTree(bytes);
		}
		catch (JacksonException ex) {
			return StringNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
		}
	}

	private void subscribe(ChannelHandlerContext ctx, MqttSubscribeMessage subscribe) {
		List<Integer> granted = new ArrayList<>();
		Set<Subscription> added = EnumSet.noneOf(Subscription.class);
		for (MqttTopicSubscription topic : subscribe.payload().topicSubscriptions()) {
			Subscription subscription = DeviceTopics.classify(topic.topicFilter(), this.session.deviceId());
			if (subscription == null) {
				granted.add(MqttQoS.FAILURE.value());
			}
			else {
				added.add(subscription);
				granted.add(Math.min(topic.qualityOfService().value(), 1));
			}
		}
		ctx.writeAndFlush(MqttMessageBuilders.subAck()
			.packetId(subscribe.variableHeader().messageId())
			.addGrantedQoses(granted.stream().map(MqttQoS::valueOf).toArray(MqttQoS[]::new))
			.build());
		this.services.sessions().subscribed(this.session, added);
	}

	private void unsubscribe(ChannelHandlerContext ctx, MqttUnsubscribeMessage unsubscribe) {
		Set<Subscription> removed = EnumSet.noneOf(Subscription.class);
		for (String filter : unsubscribe.payload().topics()) {
			Subscription subscription = DeviceTopics.classify(filter, this.session.deviceId());
			if (subscription != null) {
				removed.add(subscription);
			}
		}
		this.services.sessions().unsubscribed(this.session, removed);
		ctx.writeAndFlush(MqttMessageBuilders.unsubAck().packetId(unsubscribe.variableHeader().messageId()).build());
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
		if (event instanceof IdleStateEvent) {
			log.debug("Closing an idle device connection");
			ctx.close();
		}
		super.userEventTriggered(ctx, event);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		if (this.session != null) {
			this.services.sessions().disconnected(this.session);
		}
		super.channelInactive(ctx);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		log.debug("Device connection closed after an error: {}", cause.toString());
		ctx.close();
	}

}
