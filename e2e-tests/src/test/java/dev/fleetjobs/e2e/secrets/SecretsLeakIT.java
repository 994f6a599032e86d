package dev.fleetjobs.e2e.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.registry.RegistryClient;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.e2e.support.E2eStack;
import dev.fleetjobs.e2e.support.Jobs;
import dev.fleetjobs.launcher.demo.DemoJobs;
import dev.fleetjobs.launcher.stack.EmulatorAdmin;
import dev.fleetjobs.launcher.stack.LocalStack;
import dev.fleetjobs.launcher.stack.StackPorts;
import dev.fleetjobs.launcher.stack.StackSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the system has run jobs, no secret in use (the hub's owner key, the operator's
 * API key, device keys, any SAS token) appears in any process log of the run or in any
 * actuator output; configuration endpoints are not exposed at all.
 */
class SecretsLeakIT {

	private static final List<String> ACTUATOR = List.of("/actuator/health", "/actuator/health/readiness",
			"/actuator/info", "/actuator/prometheus", "/actuator/env", "/actuator/configprops", "/actuator/beans",
			"/actuator/heapdump", "/actuator/loggers", "/actuator/mappings");

	private static final List<String> NEVER_EXPOSED = List.of("/actuator/env", "/actuator/configprops",
			"/actuator/beans", "/actuator/heapdump", "/actuator/loggers", "/actuator/mappings");

	private static LocalStack stack;

	private static List<String> deviceIds;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void runAJob() {
		stack = E2eStack.get();
		try (Jobs jobs = new Jobs(stack)) {
			String jobId = jobs.submit(
					DemoJobs.lockDoor("secrets-" + Instant.now().toEpochMilli(), Map.of("building", 7, "floor", 1)));
			JobProgress last = jobs.awaitFinal(jobId, Duration.ofSeconds(90));
			assertThat(last.status()).isEqualTo(JobStatus.COMPLETED);
			deviceIds = jobs.results(jobId).stream().map(DeviceResult::deviceId).limit(3).toList();
		}
		assertThat(deviceIds).isNotEmpty();
	}

	@Test
	void givenARunThatRanJobs_whenEveryLogAndActuatorOutputIsSearched_thenNoKeyOrSasTokenIsFound() throws Exception {
		Map<String, String> secrets = secretsInUse();
		Map<String, String> searched = new LinkedHashMap<>();
		try (Stream<Path> logs = Files.list(stack.settings().run().root().resolve("logs"))) {
			for (Path log : logs.filter(Files::isRegularFile).sorted().toList()) {
				searched.put(log.getFileName().toString(), read(log));
			}
		}
		List<String> exposed = new ArrayList<>();
		StackPorts ports = stack.settings().ports();
		for (int port : ports.actuatorPorts()) {
			for (String path : ACTUATOR) {
				HttpResponse<String> response = get("http://localhost:" + port + path);
				if (response.statusCode() == 200) {
					searched.put("http :" + port + path, response.body());
					if (NEVER_EXPOSED.contains(path)) {
						exposed.add(":" + port + path);
					}
				}
			}
		}

		List<String> leaks = new ArrayList<>();
		searched.forEach((where, text) -> secrets.forEach((name, secret) -> {
			if (text.contains(secret)) {
				leaks.add(name + " in " + where);
			}
		}));
		System.out.println("[secrets] searched " + searched.size() + " sources ("
				+ searched.values().stream().mapToLong(String::length).sum() + " characters): "
				+ String.join(", ", searched.keySet()));
		System.out.println(
				"[secrets] for " + secrets.size() + " secrets and markers: " + String.join(", ", secrets.keySet()));
		assertThat(searched.keySet()).as("the logs of every process were searched")
			.contains("job-request-service.log", "job-executor-service.log", "job-status-service.log",
					"iot-hub-emulator.log", "device-simulator.log", "kafka.log");
		assertThat(exposed).as("configuration endpoints exposed over HTTP").isEmpty();
		assertThat(leaks).as("secrets found").isEmpty();
	}

	/** Each secret by a name that does not reveal it; encoded forms too. */
	private static Map<String, String> secretsInUse() {
		StackSettings settings = stack.settings();
		Map<String, String> secrets = new LinkedHashMap<>();
		secrets.put("hub owner key", settings.hubOwnerKey());
		secrets.put("hub owner key, URL-encoded", URLEncoder.encode(settings.hubOwnerKey(), StandardCharsets.UTF_8));
		secrets.put("hub owner key without padding", settings.hubOwnerKey().replace("=", ""));
		secrets.put("API key", settings.apiKey());
		secrets.put("API key without its prefix", settings.apiKey().substring(3));
		secrets.put("SAS token (SharedAccessSignature sr=)", "SharedAccessSignature sr=");
		secrets.put("SAS signature (sig=)", "sig=");
		secrets.put("SAS signature, URL-encoded (sig%3D)", "sig%3D");
		RegistryClient registry = new RegistryClient(settings.emulatorHttps(),
				new AzureSasCredential(new EmulatorAdmin(settings).ownerSasToken()));
		for (String deviceId : deviceIds) {
			try {
				String key = registry.getDevice(deviceId).getPrimaryKey();
				assertThat(key).isNotBlank();
				secrets.put("device key of " + deviceId, key);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot read the key of " + deviceId, ex);
			}
		}
		return secrets;
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String read(Path log) {
		try {
			return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
