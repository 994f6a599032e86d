package dev.fleetjobs.emulator.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

import dev.fleetjobs.emulator.auth.SasToken;
import dev.fleetjobs.emulator.tls.CertificateAuthority;

/**
 * Starts the two brokers as separate processes and prepares them (devices, certificates).
 */
final class Targets {

	static final String OWNER_KEY = "YmVuY2htYXJrLW93bmVyLWtleS1mb3ItdGhlLWVtdWxhdG9yIQ==";

	static final String DEVICE_KEY = "YmVuY2htYXJrLWRldmljZS1rZXktZm9yLWFsbC1kZXZpY2VzIQ==";

	private Targets() {
	}

	static Process startEmulator(Path jar, Path dataDir, int httpsPort, int mqttPort) throws IOException {
		List<String> command = new ArrayList<>(List.of(javaBin()));
		String opts = System.getenv().getOrDefault("EMULATOR_JAVA_OPTS", "");
		if (!opts.isBlank()) {
			command.addAll(List.of(opts.trim().split("\\s+")));
		}
		command.addAll(List.of("-jar", jar.toString(), "--data-dir", dataDir.toString(), "--https-port",
				Integer.toString(httpsPort), "--mqtt-port", Integer.toString(mqttPort), "--policy-key",
				"iothubowner=" + OWNER_KEY, "--no-banner"));
		Files.createDirectories(dataDir);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dataDir.resolve("emulator.log").toFile())
			.start();
		awaitPort(mqttPort, process);
		awaitPort(httpsPort, process);
		sleep(500);
		if (!process.isAlive()) {
			throw new IllegalStateException("The emulator exited; see " + dataDir.resolve("emulator.log"));
		}
		return process;
	}

	/** Mosquitto on TLS 1.2 with the emulator's own server certificate (EC P-256). */
	static Process startMosquitto(Path dir, Path emulatorDataDir, int port) throws Exception {
		Files.createDirectories(dir);
		KeyStore server = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(emulatorDataDir.resolve("server.p12"))) {
			server.load(in, "changeit".toCharArray());
		}
		try (Writer writer = Files.newBufferedWriter(dir.resolve("server.key"));
				JcaPEMWriter pem = new JcaPEMWriter(writer)) {
			pem.writeObject(
					new JcaPKCS8Generator((PrivateKey) server.getKey("server", "changeit".toCharArray()), null));
		}
		try (Writer writer = Files.newBufferedWriter(dir.resolve("server.crt"));
				JcaPEMWriter pem = new JcaPEMWriter(writer)) {
			pem.writeObject(server.getCertificate("server"));
		}
		Files.writeString(dir.resolve("mosquitto.conf"),
				String.join("\n", "listener " + port + " 127.0.0.1", "cafile " + emulatorDataDir.resolve("ca.pem"),
						"certfile " + dir.resolve("server.crt"), "keyfile " + dir.resolve("server.key"),
						"tls_version tlsv1.2", "allow_anonymous true", "max_connections -1",
						"max_queued_messages 100000", "persistence false", "log_dest stderr", "log_type error",
						"log_type warning", ""));
		Process process = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("mosquitto.log").toFile())
			.start();
		awaitPort(port, process);
		return process;
	}

	/** Registers the devices with the bulk operation, 100 per call, all with one key. */
	static void provision(SSLContext trust, int httpsPort, List<String> deviceIds) throws Exception {
		HttpClient client = HttpClient.newBuilder().sslContext(trust).version(HttpClient.Version.HTTP_1_1).build();
		String token = SasToken.create("localhost", OWNER_KEY, "iothubowner", Instant.now().plusSeconds(3600));
		for (int from = 0; from < deviceIds.size(); from += 100) {
			StringBuilder body = new StringBuilder("[");
			for (String id : deviceIds.subList(from, Math.min(deviceIds.size(), from + 100))) {
				body.append((body.length() > 1) ? "," : "")
					.append("{\"id\":\"")
					.append(id)
					.append("\",\"importMode\":\"create\",\"authentication\":{\"type\":\"sas\",\"symmetricKey\":")
					.append("{\"primaryKey\":\"" + DEVICE_KEY + "\",\"secondaryKey\":\"" + DEVICE_KEY + "\"}}}");
			}
			HttpResponse<String> response = client.send(HttpRequest
				.newBuilder(URI.create("https://localhost:" + httpsPort + "/devices?api-version=2021-04-12"))
				.header("Authorization", token)
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200 || !response.body().contains("\"isSuccessful\":true")) {
				throw new IllegalStateException("Bulk registration failed: " + response.body());
			}
		}
	}

	static SSLContext trust(Path emulatorDataDir) {
		return CertificateAuthority.clientContext(emulatorDataDir.resolve("ca.p12"));
	}

	private static void awaitPort(int port, Process process) throws IOException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The process exited before listening on " + port);
			}
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException ex) {
				sleep(100);
			}
		}
		throw new IllegalStateException("Nothing listens on " + port + " after 60 s");
	}

	static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
