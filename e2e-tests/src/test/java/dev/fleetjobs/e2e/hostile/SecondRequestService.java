package dev.fleetjobs.e2e.hostile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.launcher.stack.HealthCheck;
import dev.fleetjobs.launcher.stack.LocalStack;
import dev.fleetjobs.launcher.stack.ManagedProcess;
import dev.fleetjobs.launcher.stack.StackComponents;

/**
 * A second job-request-service instance on the same broker that takes HS256 JWTs (with
 * its own secret) and has a read-only API key, so that expired, forged and under-scoped
 * credentials meet a real resource server. Its Kafka ingress is off: it never joins the
 * ingress group of the stack's instance.
 */
final class SecondRequestService implements AutoCloseable {

	static final String NAME = StackComponents.REQUEST + "-jwt";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ManagedProcess process;

	private final int port;

	private final int managementPort;

	private final String jwtSecret = random();

	private final String readOnlyKey = "fj_" + random();

	SecondRequestService(LocalStack stack) {
		this.port = stack.settings().ports().requestService() + 50;
		this.managementPort = stack.settings().ports().requestManagement() + 50;
		Map<String, String> env = Map.of("SERVER_PORT", Integer.toString(this.port), "MANAGEMENT_SERVER_PORT",
				Integer.toString(this.managementPort), "SPRING_KAFKA_BOOTSTRAPSERVERS",
				stack.settings().bootstrapServers(), "SPRING_KAFKA_LISTENER_AUTOSTARTUP", "false",
				"FLEETJOBS_SECURITY_JWTHMACSECRET", this.jwtSecret, "FLEETJOBS_SECURITY_APIKEYS_0_NAME", "reader",
				"FLEETJOBS_SECURITY_APIKEYS_0_HASH", sha256(this.readOnlyKey), "FLEETJOBS_SECURITY_APIKEYS_0_SCOPES",
				"jobs:read", "FLEETJOBS_SECURITY_DATADIR", stack.settings().run().data(NAME).toString(),
				"FLEETJOBS_SECURITY_GENERATELOCALKEY", "false");
		List<String> command = ManagedProcess.java(stack.settings().run(), NAME,
				List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
				List.of("-jar", stack.settings().jars().serviceJar(StackComponents.REQUEST).toString()));
		this.process = new ManagedProcess(NAME, command, env, stack.settings().run(),
				HealthCheck.http("http://localhost:" + this.managementPort + "/actuator/health/readiness"));
	}

	SecondRequestService start() {
		this.process.start();
		return this;
	}

	void awaitReady() {
		this.process.awaitHealthy(Duration.ofSeconds(180));
	}

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	String jwtSecret() {
		return this.jwtSecret;
	}

	String readOnlyKey() {
		return this.readOnlyKey;
	}

	@Override
	public void close() {
		this.process.stop(Duration.ofSeconds(10));
	}

	private static String random() {
		byte[] bytes = new byte[36];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
