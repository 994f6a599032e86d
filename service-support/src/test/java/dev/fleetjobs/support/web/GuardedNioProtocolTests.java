package dev.fleetjobs.support.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.fleetjobs.support.testing.ConnectionFlood;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real embedded Tomcat with the guarded connector and a servlet that answers
 * {@code ok}, flooded from {@code 127.0.0.2} while the "good" client comes from
 * {@code 127.0.0.1}.
 */
class GuardedNioProtocolTests {

	private WebServer server;

	private ConnectionGuard guard;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop();
		}
	}

	@Test
	void givenAPerAddressCap_whenOneAddressOpensMoreSilentConnections_thenTheRestGet429WithRetryAfterAndOthersAreServed() {
		start(new ConnectionLimitsProperties(Duration.ofSeconds(30), Duration.ofSeconds(20), 100, 20, 100,
				Duration.ofSeconds(7)));

		try (ConnectionFlood flood = ConnectionFlood.open("127.0.0.2", port(), 50, ConnectionFlood.INCOMPLETE_REQUEST)
			.settle(Duration.ofMillis(300), Duration.ofSeconds(5))) {
			assertThat(flood.silent()).as(flood.toString()).isEqualTo(20);
			assertThat(flood.answered(429)).as(flood.toString()).isEqualTo(30);
			String refusal = flood.answer(429).orElseThrow();
			assertThat(refusal).startsWith("HTTP/1.1 429 ")
				.contains("Retry-After: 7\r\n", "Content-Type: application/problem+json\r\n", "Connection: close\r\n")
				.contains("\"type\":\"https://fleetjobs.dev/problems/too-many-connections\"",
						"\"errorCode\":\"TOO_MANY_CONNECTIONS\"", "\"status\":429");

			assertThat(get("127.0.0.1")).startsWith("HTTP/1.1 200 ").endsWith("ok");
			assertThat(this.guard.busiestAddress()).isEqualTo(20);
			assertThat(this.meters.get("fleetjobs.http.connections.refused")
				.tag("reason", "per-address")
				.functionCounter()
				.count()).isEqualTo(30);
			assertThat(this.meters.get("fleetjobs.http.connections.busiest.address").gauge().value()).isEqualTo(20);
		}

		// Then closing them gives the address its connections back
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.guard.open() == 0 && protocol().tracked() == 0 && idle(protocol()));
		assertThat(get("127.0.0.2")).startsWith("HTTP/1.1 200 ");
	}

	@Test
	void givenAShortHeaderReadTimeout_whenSlowLorisConnectionsSendNothingMore_thenTheServerClosesThemAndForgetsThem() {
		start(new ConnectionLimitsProperties(Duration.ofMillis(1000), Duration.ofSeconds(20), 100, 10, 100,
				Duration.ofSeconds(5)));

		try (ConnectionFlood flood = ConnectionFlood.open("127.0.0.2", port(), 10, ConnectionFlood.INCOMPLETE_REQUEST)
			.settle(Duration.ofMillis(200), Duration.ofSeconds(2))) {
			assertThat(flood.silent()).isEqualTo(10);
			assertThat(ConnectionFlood.open("127.0.0.2", port(), 1, ConnectionFlood.INCOMPLETE_REQUEST)
				.settle(Duration.ofMillis(300), Duration.ofSeconds(2))
				.answered(429)).isEqualTo(1);

			assertThat(flood.awaitClosedByServer(Duration.ofSeconds(5))).as(flood.toString()).isTrue();
		}
		await().atMost(Duration.ofSeconds(2)).until(() -> this.guard.open() == 0);
		assertThat(get("127.0.0.2")).startsWith("HTTP/1.1 200 ");
	}

	@Test
	void givenATotalCap_whenItIsReached_thenTheNextConnectionGets503AtOnceInsteadOfWaitingInTheBacklog() {
		start(new ConnectionLimitsProperties(Duration.ofSeconds(30), Duration.ofSeconds(20), 8, 0, 100,
				Duration.ofSeconds(3)));

		try (ConnectionFlood flood = ConnectionFlood.open("127.0.0.3", port(), 12, ConnectionFlood.INCOMPLETE_REQUEST)
			.settle(Duration.ofMillis(300), Duration.ofSeconds(5))) {
			assertThat(flood.silent()).as(flood.toString()).isEqualTo(8);
			assertThat(flood.answered(503)).as(flood.toString()).isEqualTo(4);
			assertThat(flood.answer(503).orElseThrow()).contains("Retry-After: 3\r\n", "\"errorCode\":\"SERVER_BUSY\"");
			assertThat(this.meters.get("fleetjobs.http.connections.open").gauge().value()).isEqualTo(8);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.guard.open() == 0 && idle(protocol()));
		assertThat(get("127.0.0.3")).startsWith("HTTP/1.1 200 ");
	}

	@Test
	void givenARefusedClientThatSentItsWholeRequest_whenItReads_thenItGetsTheRefusalRatherThanAReset() {
		start(new ConnectionLimitsProperties(Duration.ofSeconds(30), Duration.ofSeconds(20), 100, 1, 100,
				Duration.ofSeconds(5)));

		try (ConnectionFlood holder = ConnectionFlood.open("127.0.0.2", port(), 1,
				ConnectionFlood.INCOMPLETE_REQUEST)) {
			await().atMost(Duration.ofSeconds(2)).until(() -> this.guard.open() == 1);
			for (int i = 0; i < 20; i++) {
				assertThat(get("127.0.0.2")).startsWith("HTTP/1.1 429 ");
			}
		}
	}

	@Test
	void givenTheLimits_whenTheConnectorStarts_thenTomcatHasTheTimeoutsAndOneSlotMoreThanTheCap() {
		start(new ConnectionLimitsProperties(Duration.ofSeconds(4), Duration.ofSeconds(9), 300, 30, 50,
				Duration.ofSeconds(5)));

		GuardedNioProtocol protocol = protocol();
		assertThat(protocol.getConnectionTimeout()).isEqualTo(4000);
		assertThat(protocol.getKeepAliveTimeout()).isEqualTo(9000);
		assertThat(protocol.getMaxConnections()).isEqualTo(301);
		assertThat(protocol.getAcceptCount()).isEqualTo(50);
	}

	@Test
	void givenAnEncodedSlashInThePath_whenTomcatRejectsIt_thenTheAnswerIsProblemJsonWithoutTomcatsPage() {
		start(new ConnectionLimitsProperties(Duration.ofSeconds(5), Duration.ofSeconds(20), 100, 20, 100,
				Duration.ofSeconds(5)));
		String response = get("127.0.0.1", "/api/jobs/a%2Fb");
		assertThat(response).startsWith("HTTP/1.1 400")
			.contains("Content-Type: application/problem+json")
			.contains("\"errorCode\":\"BAD_REQUEST\"")
			.contains("\"type\":\"https://fleetjobs.dev/problems/bad-request\"")
			.contains("encoded slash")
			.doesNotContain("<html")
			.doesNotContain("Apache Tomcat");
		assertThat(get("127.0.0.1")).startsWith("HTTP/1.1 200").endsWith("ok");
	}

	private void start(ConnectionLimitsProperties limits) {
		this.guard = ConnectionGuard.of(limits);
		this.guard.bindTo(this.meters);
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
		ConnectionLimits.apply(factory, limits, this.guard);
		this.server = factory.getWebServer((context) -> context.addServlet("ok", new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
				response.getWriter().write("ok");
			}
		}).addMapping("/"));
		this.server.start();
	}

	/**
	 * Tomcat counts nothing open but the slot its acceptor took for the next socket: the
	 * refused sockets were counted down too.
	 */
	private static boolean idle(GuardedNioProtocol protocol) {
		return protocol.getConnectionCount() <= 1;
	}

	private int port() {
		return this.server.getPort();
	}

	private GuardedNioProtocol protocol() {
		Connector connector = ((TomcatWebServer) this.server).getTomcat().getConnector();
		return (GuardedNioProtocol) connector.getProtocolHandler();
	}

	/** A whole GET from a given source address, read to the end. */
	private String get(String source) {
		return get(source, "/");
	}

	private String get(String source, String path) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(source, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port()), 2000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new AssertionError("GET from " + source + " failed", ex);
		}
	}

}
