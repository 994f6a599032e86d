package dev.fleetjobs.emulator.jobs;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import com.microsoft.azure.sdk.iot.service.methods.DirectMethodsClient;
import com.microsoft.azure.sdk.iot.service.query.QueryClient;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.registry.RegistryClient;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import com.microsoft.azure.sdk.iot.service.twin.TwinClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fleetjobs.emulator.EmulatorConfig;
import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.auth.SasToken;
import dev.fleetjobs.emulator.support.EmulatorTrust;
import dev.fleetjobs.emulator.support.JobPolling;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@code kill -9} of an emulator process right after it answered 200 loses nothing it
 * acknowledged: a device, a twin patch and a job are there after a restart; and a job
 * killed mid-run resumes as documented (README "Restarts, durability and retention").
 */
class KillDurabilityIntegrationTests {

	private static final String OWNER_KEY = "cmVzdGFydC10ZXN0LW93bmVyLWtleS0wMTIzNDU2Nzg5";

	private static final Map<Process, Integer> PORTS = new ConcurrentHashMap<>();

	@Test
	void givenAnEmulatorProcessWhenItIsKilledRightAfterAcknowledgingWritesThenTheyAreThereAfterRestart(
			@TempDir Path dataDir) throws Exception {
		// Given an emulator in its own process
		Process process = startChild(dataDir, 1000);
		try {
			ServiceClients service = childClients(process, dataDir);

			// When a device, a twin patch and a job are acknowledged, and the process is
			// killed (SIGKILL) right after the last 200
			service.registry().addDevice(new Device("kept-door"));
			Twin twin = service.twins().get("kept-door");
			twin.getTags().put("floor", 3);
			service.twins().patch(twin);
			service.jobs()
				.scheduleDirectMethod("kept-job", "deviceId = 'kept-door'", "lockDoor",
						Date.from(Instant.now().plusSeconds(3600)),
						DirectMethodsJobOptions.builder().maxExecutionTimeSeconds(60).build());
			process.destroyForcibly().waitFor();
		}
		finally {
			process.destroyForcibly().waitFor();
		}

		// Then a restart on the same data directory has all three
		try (IotHubEmulator hub = restart(dataDir)) {
			assertThat(hub.registry().find("kept-door")).isNotNull();
			assertThat(hub.twins().get("kept-door").at("/tags/floor").asInt()).isEqualTo(3);
			JobView job = hub.jobs().get("kept-job");
			assertThat(job.status()).isEqualTo(JobStatus.SCHEDULED);
			assertThat(job.definition().method().methodName()).isEqualTo("lockDoor");
			assertThat(Files.readString(dataDir.resolve("emulator.log"))).doesNotContain(OWNER_KEY);
		}
	}

	@Test
	void givenAJobMidRunInAnEmulatorProcessWhenItIsKilledAndRestartedThenInFlightDevicesFailAndTheRestRun(
			@TempDir Path dataDir) throws Exception {
		// Given an emulator process that runs 4 devices of a job at a time, and 12
		// registered devices that never connect, so that each waits its connect timeout
		// (2 s) in flight
		Process process = startChild(dataDir, 4);
		String jobId = "killed-mid-run";
		try {
			ServiceClients service = childClients(process, dataDir);
			for (int i = 0; i < 12; i++) {
				service.registry().addDevice(new Device(String.format("offline-%02d", i)));
			}
			service.jobs()
				.scheduleDirectMethod(jobId, "STARTSWITH(deviceId, 'offline-')", "lockDoor", new Date(),
						DirectMethodsJobOptions.builder()
							.methodConnectTimeoutSeconds(2)
							.methodResponseTimeoutSeconds(5)
							.maxExecutionTimeSeconds(300)
							.build());
			await().atMost(Duration.ofSeconds(20))
				.until(() -> service.jobs().get(jobId).getJobStatistics().getRunningCount() > 0);

			// When the process is killed (SIGKILL) while the first devices are in flight
			process.destroyForcibly().waitFor();
		}
		finally {
			process.destroyForcibly().waitFor();
		}

		// Then after a restart the job resumes: the devices that were in flight fail with
		// EmulatorRestarted, the others run (and, offline, fail with 404103), and the job
		// completes with all 12
		try (IotHubEmulator hub = restart(dataDir)) {
			ServiceClients service = ServiceClients.of(hub);
			ScheduledJob done = JobPolling.awaitFinished(service.jobs(), jobId, Duration.ofSeconds(60));
			assertThat(done.getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
			assertThat(done.getJobStatistics().getDeviceCount()).isEqualTo(12);
			assertThat(done.getJobStatistics().getFailedCount()).isEqualTo(12);
			List<ScheduledJob> records = JobPolling.deviceRecords(service.query(), jobId, 100);
			assertThat(records).hasSize(12)
				.allSatisfy((r) -> assertThat(r.getJobStatus()).isEqualTo(ScheduledJobStatus.failed));
			long restarted = records.stream().filter((r) -> r.getError().contains("EmulatorRestarted")).count();
			long offline = records.stream().filter((r) -> r.getError().contains("404103")).count();
			assertThat(restarted).as("devices in flight at the kill").isBetween(1L, 4L);
			assertThat(restarted + offline).isEqualTo(12);
			assertThat(records.stream()
				.filter((r) -> r.getError().contains("EmulatorRestarted"))
				.map(ScheduledJob::getDeviceId)).allSatisfy((id) -> assertThat(id).isLessThan("offline-04"));
		}
	}

	private static Process startChild(Path dataDir, int maxInFlight) throws IOException {
		int httpsPort = freePort();
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				"dev.fleetjobs.emulator.cli.EmulatorCommand", "--data-dir", dataDir.toString(), "--https-port",
				String.valueOf(httpsPort), "--mqtt-port", String.valueOf(freePort()), "--job-max-in-flight",
				String.valueOf(maxInFlight), "--policy-key", "iothubowner=" + OWNER_KEY, "--no-banner")
			.redirectErrorStream(true)
			.redirectOutput(dataDir.resolve("emulator.log").toFile())
			.start();
		PORTS.put(process, httpsPort);
		return process;
	}

	private static ServiceClients childClients(Process process, Path dataDir) {
		int httpsPort = PORTS.get(process);
		await().atMost(Duration.ofSeconds(60)).until(() -> listening(httpsPort));
		EmulatorTrust.install(dataDir.resolve("ca.pem"));
		String host = "localhost:" + httpsPort;
		AzureSasCredential credential = new AzureSasCredential(
				SasToken.create("localhost", OWNER_KEY, "iothubowner", Instant.now().plusSeconds(3600)));
		return new ServiceClients(new RegistryClient(host, credential), new TwinClient(host, credential),
				new DirectMethodsClient(host, credential), new QueryClient(host, credential),
				new ScheduledJobsClient(host, credential));
	}

	private static IotHubEmulator restart(Path dataDir) {
		return IotHubEmulator.start(EmulatorConfig.builder()
			.dataDir(dataDir)
			.httpsPort(0)
			.mqttPort(0)
			.policyKey("iothubowner", OWNER_KEY)
			.build());
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
