package dev.fleetjobs.emulator.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
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
 * The service side against mosquitto: one MQTT connection publishes requests to
 * {@code bench/{id}/req/...} and reads answers from {@code bench/+/res/#}, with the same
 * window of outstanding calls as the HTTP side.
 */
final class MqttFanOut {

	private static final byte[] PAYLOAD = "{\"lockTime\":\"10m\"}".getBytes(StandardCharsets.UTF_8);

	private final Channel channel;

	private final int window;

	private volatile Round round;

	MqttFanOut(EventLoopGroup group, Class<? extends Channel> channelType, SslContext ssl, String host, int port,
			int window) {
		this.window = window;
		CompletableFuture<Void> subscribed = new CompletableFuture<>();
		this.channel = new Bootstrap().group(group)
			.channel(channelType)
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(ssl.newHandler(channel.alloc(), host, port), new MqttDecoder(64 * 1024),
								MqttEncoder.INSTANCE, new Service(subscribed));
				}
			})
			.connect(host, port)
			.syncUninterruptibly()
			.channel();
		subscribed.orTimeout(30, TimeUnit.SECONDS).join();
	}

	Round.Result run(List<String> deviceIds) throws InterruptedException {
		Round round = new Round(deviceIds);
		this.round = round;
		round.start();
		this.channel.eventLoop().execute(() -> {
			for (int i = 0; i < this.window; i++) {
				sendNext(round);
			}
			this.channel.flush();
		});
		round.await();
		return round.result();
	}

	void close() {
		this.channel.close();
	}

	private void sendNext(Round round) {
		String[] next = round.nextRequest();
		if (next != null) {
			this.channel.write(MqttMessageBuilders.publish()
				.topicName("bench/" + next[0] + "/req/lockDoor/?$rid=" + next[1])
				.qos(MqttQoS.AT_MOST_ONCE)
				.retained(false)
				.messageId(0)
				.payload(Unpooled.wrappedBuffer(PAYLOAD))
				.build());
		}
	}

	private final class Service extends SimpleChannelInboundHandler<MqttMessage> {

		private final CompletableFuture<Void> subscribed;

		Service(CompletableFuture<Void> subscribed) {
			this.subscribed = subscribed;
		}

		@Override
		public void channelActive(ChannelHandlerContext ctx) {
			ctx.pipeline()
				.get(SslHandler.class)
				.handshakeFuture()
				.addListener((handshake) -> ctx.writeAndFlush(MqttMessageBuilders.connect()
					.protocolVersion(MqttVersion.MQTT_3_1_1)
					.clientId("bench-service")
					.cleanSession(true)
					.keepAlive(600)
					.build()));
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
			MqttMessageType type = message.fixedHeader().messageType();
			if (type == MqttMessageType.CONNACK) {
				ctx.writeAndFlush(MqttMessageBuilders.subscribe()
					.messageId(1)
					.addSubscription(MqttQoS.AT_MOST_ONCE, "bench/+/res/#")
					.build());
			}
			else if (type == MqttMessageType.SUBACK) {
				this.subscribed.complete(null);
			}
			else if (type == MqttMessageType.PUBLISH) {
				String topic = ((MqttPublishMessage) message).variableHeader().topicName();
				Round round = MqttFanOut.this.round;
				round.answered(Broker.requestId(topic), topic.contains("/res/200/"));
				sendNext(round);
			}
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			ctx.flush();
		}

	}

}
