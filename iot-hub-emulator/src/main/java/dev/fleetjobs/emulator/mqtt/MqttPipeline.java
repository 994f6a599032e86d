package dev.fleetjobs.emulator.mqtt;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;

/** The device endpoint's pipelines: MQTT on TLS, and MQTT inside WebSocket frames. */
public final class MqttPipeline {

	/** Largest MQTT packet accepted: telemetry is limited to 256 KB on the hub. */
	static final int MAX_PACKET_BYTES = 300 * 1024;

	/** Seconds a new connection has to send CONNECT. */
	static final int CONNECT_TIMEOUT_SECONDS = 30;

	private MqttPipeline() {
	}

	/** The initializer of the MQTT-over-TLS server channel. */
	public static ChannelInitializer<SocketChannel> tls(SslContext sslContext, MqttServices services) {
		return new ChannelInitializer<>() {
			@Override
			protected void initChannel(SocketChannel channel) {
				channel.pipeline().addLast("tls", sslContext.newHandler(channel.alloc()));
				addMqtt(channel.pipeline(), services);
			}
		};
	}

	/**
	 * Turns a connection whose WebSocket handshake completed into a device connection.
	 */
	public static void overWebSocket(ChannelPipeline pipeline, MqttServices services) {
		pipeline.addLast("ws-to-bytes", new FramesToBytes());
		pipeline.addLast("bytes-to-ws", new BytesToFrames());
		addMqtt(pipeline, services);
	}

	private static void addMqtt(ChannelPipeline pipeline, MqttServices services) {
		pipeline.addLast("mqtt-decoder", new MqttDecoder(MAX_PACKET_BYTES));
		pipeline.addLast("mqtt-encoder", MqttEncoder.INSTANCE);
		pipeline.addLast(MqttDeviceHandler.IDLE, new IdleStateHandler(CONNECT_TIMEOUT_SECONDS, 0, 0));
		pipeline.addLast("device", new MqttDeviceHandler(services));
	}

	private static final class FramesToBytes extends MessageToMessageDecoder<WebSocketFrame> {

		@Override
		protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
			if (frame instanceof BinaryWebSocketFrame || frame instanceof ContinuationWebSocketFrame) {
				out.add(frame.content().retain());
			}
			else {
				ctx.close();
			}
		}

	}

	private static final class BytesToFrames extends MessageToMessageEncoder<ByteBuf> {

		@Override
		protected void encode(ChannelHandlerContext ctx, ByteBuf bytes, List<Object> out) {
			out.add(new BinaryWebSocketFrame(bytes.retain()));
		}

	}

}
