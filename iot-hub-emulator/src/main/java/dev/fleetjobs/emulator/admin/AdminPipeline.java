package dev.fleetjobs.emulator.admin;

import dev.fleetjobs.emulator.auth.SasAuthenticator;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * The admin port: plain HTTP, bound to loopback only, never on the hub's API surface.
 */
public final class AdminPipeline extends ChannelInitializer<SocketChannel> {

	/** The only address the admin API listens on. */
	public static final String LOOPBACK = "127.0.0.1";

	private static final int MAX_BODY_BYTES = 64 * 1024;

	private final AdminHandler handler;

	public AdminPipeline(AdminApi api, SasAuthenticator authenticator) {
		this.handler = new AdminHandler(api, authenticator);
	}

	@Override
	protected void initChannel(SocketChannel channel) {
		channel.pipeline()
			.addLast("http", new HttpServerCodec())
			.addLast("aggregator", new HttpObjectAggregator(MAX_BODY_BYTES))
			.addLast("admin", this.handler);
	}

}
