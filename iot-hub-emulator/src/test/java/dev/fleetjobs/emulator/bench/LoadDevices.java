package dev.fleetjobs.emulator.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

/**
 * Many light MQTT devices on TLS (Netty, one event loop): each connects with the broker's
 * login, subscribes for requests and answers every request with status 200 at once.
 */
final class LoadDevices {

	private static final byte[] ANSWER = "{\"Response\":\"lockDoor called successfully\"}"
		.getBytes(StandardCharsets.UTF_8);

	private final EventLoopGroup group;

	private final Class<? extends Channel> channelType;

	private final SslContext ssl;

	LoadDevices(EventLoopGroup group, Class<? extends Channel> channelType, SslContext ssl) {
		this.group = group;
		this.channelType = channelType;
		this.ssl = ssl;
	}

	/**
	 * Connects and subscribes every device, at most {@code window} handshakes at a time;
	 * a device whose connection fails (e.g. reset on a busy machine) is tried again,
	 * three times at most.
	 */
	List<Channel> connectAll(Broker broker, List<String> deviceIds, int window) throws InterruptedException {
		Semaphore permits = new Semaphore(window);
		List<CompletableFuture<Channel>> ready = new ArrayList<>(deviceIds.size());
		for (String deviceId : deviceIds) {
			permits.acquire();
			CompletableFuture<Channel> connected = connectRetrying(broker, deviceId, 3);
			connected.whenComplete((ok, error) -> permits.release());
			ready.add(connected);
		}
		CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).orTimeout(180, TimeUnit.SECONDS).join();
		return ready.stream().map(CompletableFuture::join).toList();
	}

	private CompletableFuture<Channel> connectRetrying(Broker broker, String deviceId, int attempts) {
		CompletableFuture<Void> subscribed = new CompletableFuture<>();
		Channel channel = connect(broker, deviceId, subscribed);
		return subscribed.handle((ok, error) -> {
			if (error == null) {
				return CompletableFuture.completedFuture(channel);
			}
			channel.close();
			if (attempts <= 1) {
				return CompletableFuture.<Channel>failedFuture(error);
			}
			return CompletableFuture
				.supplyAsync(() -> null, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS))
				.thenCompose((retry) -> connectRetrying(broker, deviceId, attempts - 1));
		}).thenCompose((next) -> next);
	}

	private Channel connect(Broker broker, String deviceId, CompletableFuture<Void> subscribed) {
		return new Bootstrap().group(this.group)
			.channel(this.channelType)
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					SslHandler tls = LoadDevices.this.ssl.newHandler(channel.alloc(), broker.host(), broker.mqttPort());
					tls.setHandshakeTimeoutMillis(120_000);
					channel.pipeline()
						.addLast(tls)
						.addLast(new MqttDecoder(64 * 1024), MqttEncoder.INSTANCE,
								new Device(broker, deviceId, subscribed));
				}
			})
			.connect(broker.host(), broker.mqttPort())
			.addListener((future) -> {
				if (!future.isSuccess()) {
					subscribed.completeExceptionally(future.cause());
				}
			})
			.channel();
	}

	private static final class Device extends SimpleChannelInboundHandler<MqttMessage> {

		private final Broker broker;

		private final String deviceId;

		private final CompletableFuture<Void> subscribed;

		Device(Broker broker, String deviceId, CompletableFuture<Void> subscribed) {
			this.broker = broker;
			this.deviceId = deviceId;
			this.subscribed = subscribed;
		}

		@Override
		public void channelActive(ChannelHandlerContext ctx) {
			ctx.pipeline().get(SslHandler.class).handshakeFuture().addListener((handshake) -> {
				if (!handshake.isSuccess()) {
					this.subscribed.completeExceptionally(handshake.cause());
					return;
				}
				ctx.writeAndFlush(MqttMessageBuilders.connect()
					.protocolVersion(MqttVersion.MQTT_3_1_1)
					.clientId(this.deviceId)
					.cleanSession(false)
					.keepAlive(600)
					.hasUser(true)
					.username(this.broker.username(this.deviceId))
					.hasPassword(true)
					.password(this.broker.password(this.deviceId).getBytes(StandardCharsets.UTF_8))
					.build());
			});
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
			MqttMessageType type = message.fixedHeader().messageType();
			if (type == MqttMessageType.CONNACK) {
				MqttConnectReturnCode code = ((MqttConnAckMessage) message).variableHeader().connectReturnCode();
				if (code != MqttConnectReturnCode.CONNECTION_ACCEPTED) {
					this.subscribed.completeExceptionally(new IllegalStateException(this.deviceId + ": " + code));
					return;
				}
				ctx.writeAndFlush(MqttMessageBuilders.subscribe()
					.messageId(1)
					.addSubscription(MqttQoS.AT_MOST_ONCE, this.broker.requestFilter(this.deviceId))
					.build());
			}
			else if (type == MqttMessageType.SUBACK) {
				this.subscribed.complete(null);
			}
			else if (type == MqttMessageType.PUBLISH) {
				String topic = ((MqttPublishMessage) message).variableHeader().topicName();
				ctx.writeAndFlush(MqttMessageBuilders.publish()
					.topicName(this.broker.responseTopic(this.deviceId, topic))
					.qos(MqttQoS.AT_MOST_ONCE)
					.retained(false)
					.messageId(0)
					.payload(Unpooled.wrappedBuffer(ANSWER))
					.build());
			}
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			this.subscribed.completeExceptionally(new IllegalStateException(this.deviceId + " disconnected"));
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			this.subscribed.completeExceptionally(cause);
			ctx.close();
		}

	}

}
