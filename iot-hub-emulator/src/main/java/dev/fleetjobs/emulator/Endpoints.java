package dev.fleetjobs.emulator;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import dev.fleetjobs.emulator.admin.AdminApi;
import dev.fleetjobs.emulator.admin.AdminPipeline;
import dev.fleetjobs.emulator.http.HttpsPipeline;
import dev.fleetjobs.emulator.mqtt.MqttPipeline;
import dev.fleetjobs.emulator.tls.CertificateAuthority;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The listening ports on one small set of event loops: HTTPS (+WebSocket), MQTT/TLS and,
 * when configured, the admin API (plain HTTP on loopback).
 */
final class Endpoints implements AutoCloseable {

	/** AES-GCM and ChaCha20 with ECDHE/ECDSA (the certificate is EC), cheapest first. */
	private static final List<String> CIPHERS = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
			"TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
			"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");

	private final EventLoopGroup group;

	private final Channel https;

	private final Channel mqtt;

	private final Channel admin;

	Endpoints(EmulatorConfig config, EmulatorCore core, CertificateAuthority ca, AdminApi adminApi) {
		SslContext ssl = serverContext(ca);
		boolean epoll = Epoll.isAvailable();
		this.group = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("emulator-io", true),
				epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
		Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class
				: NioServerSocketChannel.class;
		try {
			this.https = bind(channelType, config.bindAddress(), config.httpsPort(), new HttpsPipeline(ssl,
					core.routes.router(), core.authenticator, core.mqttServices(), core.gate, core.store::flush));
			this.mqtt = bind(channelType, config.bindAddress(), config.mqttPort(),
					MqttPipeline.tls(ssl, core.mqttServices()));
			this.admin = (config.adminPort() < 0) ? null : bind(channelType, AdminPipeline.LOOPBACK, config.adminPort(),
					new AdminPipeline(adminApi, core.authenticator));
		}
		catch (RuntimeException ex) {
			this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
			throw ex;
		}
	}

	int httpsPort() {
		return ((InetSocketAddress) this.https.localAddress()).getPort();
	}

	int mqttPort() {
		return ((InetSocketAddress) this.mqtt.localAddress()).getPort();
	}

	/** The admin port, or -1 when the admin API is off. */
	int adminPort() {
		return (this.admin != null) ? ((InetSocketAddress) this.admin.localAddress()).getPort() : -1;
	}

	private Channel bind(Class<? extends ServerChannel> channelType, String address, int port,
			ChannelInitializer<SocketChannel> initializer) {
		try {
			return new ServerBootstrap().group(this.group)
				.channel(channelType)
				.option(ChannelOption.SO_BACKLOG, 8192)
				.option(ChannelOption.SO_REUSEADDR, true)
				.childOption(ChannelOption.TCP_NODELAY, true)
				.childHandler(initializer)
				.bind(address, port)
				.sync()
				.channel();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while binding " + address + ":" + port, ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot listen on " + address + ":" + port + ": " + ex.getMessage(), ex);
		}
	}

	private static SslContext serverContext(CertificateAuthority ca) {
		try {
			return SslContextBuilder.forServer(ca.serverKey(), ca.serverChain())
				.sslProvider(SslProvider.JDK)
				.protocols("TLSv1.3", "TLSv1.2")
				.ciphers(CIPHERS)
				.build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("Cannot set up TLS", ex);
		}
	}

	@Override
	public void close() {
		this.https.close().syncUninterruptibly();
		this.mqtt.close().syncUninterruptibly();
		if (this.admin != null) {
			this.admin.close().syncUninterruptibly();
		}
		this.group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
	}

}
