package dev.fleetjobs.emulator.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.fleetjobs.emulator.auth.SasAuthenticator;
import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.mqtt.MqttPipeline;
import dev.fleetjobs.emulator.mqtt.MqttServices;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;

/**
 * The HTTPS port: service REST, and MQTT over WebSockets at {@code /$iothub/websocket}
 * (subprotocol {@code mqtt}, query string ignored).
 */
public final class HttpsPipeline extends ChannelInitializer<SocketChannel> {

	/** Largest request body: above the hub's own limits, so those answer 400 first. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private final SslContext sslContext;

	private final RestHandler rest;

	private final MqttServices mqtt;

	public HttpsPipeline(SslContext sslContext, Router router, SasAuthenticator authenticator, MqttServices mqtt,
			CallGate gate, Supplier<CompletableFuture<Void>> commit) {
		this.sslContext = sslContext;
		this.rest = new RestHandler(router, authenticator, gate, commit);
		this.mqtt = mqtt;
	}

	@Override
	protected void initChannel(SocketChannel channel) {
		channel.pipeline()
			.addLast("tls", this.sslContext.newHandler(channel.alloc()))
			.addLast("http", new HttpServerCodec())
			.addLast("aggregator", new BodyLimit())
			.addLast("websocket",
					new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
						.websocketPath("/$iothub/websocket")
						.subprotocols("mqtt")
						.checkStartsWith(true)
						.maxFramePayloadLength(MAX_BODY_BYTES)
						.build()))
			.addLast("upgrade", new Upgrade())
			.addLast("rest", this.rest);
	}

	/** After the WebSocket handshake, the connection carries MQTT instead of REST. */
	private final class Upgrade extends ChannelInboundHandlerAdapter {

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
			if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
				ctx.pipeline().remove("rest");
				ctx.pipeline().remove(this);
				MqttPipeline.overWebSocket(ctx.pipeline(), HttpsPipeline.this.mqtt);
			}
			super.userEventTriggered(ctx, event);
		}

	}

	/**
	 * Aggregates bodies; one too large gets the hub's 413 error body. The rest of its
	 * body is read and dropped, so a keep-alive connection stays usable.
	 */
	private static final class BodyLimit extends HttpObjectAggregator {

		BodyLimit() {
			super(MAX_BODY_BYTES);
		}

		@Override
		protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
			var error = IotHubErrors.messageTooLarge("The request body exceeds " + MAX_BODY_BYTES + " bytes.");
			var response = RestHandler.toHttp(new RestResponse(413, IotHubErrors.body(error),
					Map.of("iothub-errorcode", error.errorName(), "content-type", RestHandler.JSON_CONTENT_TYPE)));
			if (HttpUtil.isKeepAlive(oversized)) {
				ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
			}
			else {
				ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
			}
		}

	}

}
