package dev.fleetjobs.support.web;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection limits of a service's API port ({@link ConnectionLimitsProperties},
 * {@code fleetjobs.http.*}): a service {@code @Import}s this. Tomcat's connector becomes
 * a {@link GuardedNioProtocol} with the header-read and keep-alive timeouts, the total
 * and per-address caps, and the guard's meters ({@code fleetjobs_http_connections_*}).
 * The management port ({@code management.server.port}) is a child context with its own
 * Tomcat, which this customizer does not reach: health and metrics stay out of the API
 * port's limits and floods. Errors Tomcat answers itself (a {@code %2F} in a path, a
 * broken request line) get problem+json from {@link ProblemErrorReportValve}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectionLimitsProperties.class)
public class ConnectionLimits {

	@Bean
	ConnectionGuard connectionGuard(ConnectionLimitsProperties limits) {
		return ConnectionGuard.of(limits);
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionLimitsCustomizer(
			ConnectionLimitsProperties limits, ConnectionGuard guard) {
		return (factory) -> apply(factory, limits, guard);
	}

	/** What the customizer does, for a factory of one's own (tests, tools). */
	public static void apply(TomcatServletWebServerFactory factory, ConnectionLimitsProperties limits,
			ConnectionGuard guard) {
		factory.setProtocol(GuardedNioProtocol.class.getName());
		factory.addConnectorCustomizers((connector) -> limit(connector, limits, guard));
		factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

	private static void limit(Connector connector, ConnectionLimitsProperties limits, ConnectionGuard guard) {
		if (connector.getProtocolHandler() instanceof GuardedNioProtocol protocol) {
			protocol.setGuard(guard);
			protocol.setConnectionTimeout(Math.toIntExact(limits.headerReadTimeout().toMillis()));
			protocol.setKeepAliveTimeout(Math.toIntExact(limits.keepAliveTimeout().toMillis()));
			// one more than the cap: that socket is accepted only to be answered 503
			protocol.setMaxConnections(limits.maxConnections() + 1);
			protocol.setAcceptCount(limits.acceptCount());
		}
	}

}
