package dev.fleetjobs.emulator.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;

/**
 * The service side against the emulator: {@code POST /twins/{id}/methods} over HTTPS
 * keep-alive connections, one call in flight per connection, as a service would call the
 * hub.
 */
final class HttpFanOut {

	private static final AttributeKey<String> REQUEST = AttributeKey.valueOf("request");

	private static final byte[] BODY = "{\"methodName\":\"lockDoor\",\"payload\":{\"lockTime\":\"10m\"},\"responseTimeoutInSeconds\":60,\"connectTimeoutInSeconds\":0}"
		.getBytes(StandardCharsets.UTF_8);

	private final List<Channel> channels = new ArrayList<>();

	private final String hostHeader;

	private final String authorization;

	private volatile Round round;

	HttpFanOut(EventLoopGroup group, Class<? extends Channel> channelType, SslContext ssl, String host, int port,
			String authorization, int window) throws InterruptedException {
		this.hostHeader = host + ":" + port;
		this.authorization = authorization;
		Bootstrap bootstrap = new Bootstrap().group(group)
			.channel(channelType)
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(ssl.newHandler(channel.alloc(), host, port), new HttpClientCodec(),
								new HttpObjectAggregator(1024 * 1024), new Responses());
				}
			});
		for (int i = 0; i < window; i++) {
			Channel channel = bootstrap.connect(host, port).sync().channel();
			channel.pipeline().get(SslHandler.class).handshakeFuture().sync();
			this.channels.add(channel);
		}
	}

	Round.Result run(List<String> deviceIds) throws InterruptedException {
		Round round = new Round(deviceIds);
		this.round = round;
		round.start();
		this.channels.forEach((channel) -> channel.eventLoop().execute(() -> sendNext(channel, round)));
		round.await();
		return round.result();
	}

	void close() {
		this.channels.forEach(Channel::close);
	}

	private void sendNext(Channel channel, Round round) {
		String[] next = round.nextRequest();
		if (next == null) {
			return;
		}
		channel.attr(REQUEST).set(next[1]);
		FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
				"/twins/" + next[0] + "/methods?api-version=2021-04-12", Unpooled.wrappedBuffer(BODY));
		request.headers()
			.set(HttpHeaderNames.HOST, this.hostHeader)
			.set(HttpHeaderNames.AUTHORIZATION, this.authorization)
			.set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
			.set(HttpHeaderNames.CONTENT_LENGTH, BODY.length);
		channel.writeAndFlush(request);
	}

	private final class Responses extends SimpleChannelInboundHandler<FullHttpResponse> {

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
			Round round = HttpFanOut.this.round;
			round.answered(ctx.channel().attr(REQUEST).get(), response.status().code() == 200);
			sendNext(ctx.channel(), round);
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			Round round = HttpFanOut.this.round;
			if (round != null && !round.isComplete()) {
				System.err.println("An HTTPS connection to the emulator closed during a round; its call is lost");
			}
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			System.err.println("HTTPS connection error: " + cause);
			ctx.close();
		}

	}

}
