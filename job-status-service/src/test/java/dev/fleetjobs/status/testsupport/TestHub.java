package dev.fleetjobs.status.testsupport;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import dev.fleetjobs.emulator.EmulatorConfig;
import dev.fleetjobs.emulator.IotHubEmulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulator per test JVM with the shared fleet of {@value #DEVICES} door locks, and
 * the official {@link ScheduledJobsClient} that tests create hub jobs with (the executor
 * is not a dependency of this module). Started on first use, stopped at JVM exit.
 */
public final class TestHub {

	public static final int DEVICES = 200;

	/** A fixed owner key, so every instance of the service in the JVM signs alike. */
	static final String OWNER_KEY = "ZmxlZXRqb2JzLXN0YXR1cy10ZXN0LW93bmVyLWtleSE=";

	private static final Logger log = LoggerFactory.getLogger(TestHub.class);

	private static TestHub instance;

	private final IotHubEmulator hub;

	private final Fleet fleet;

	private final ScheduledJobsClient jobs;

	private TestHub() throws Exception {
		long start = System.nanoTime();
		this.hub = IotHubEmulator.start(EmulatorConfig.builder()
			.inMemory()
			.httpsPort(0)
			.mqttPort(0)
			.policyKey("iothubowner", OWNER_KEY)
			.build());
		this.fleet = Fleet.start(this.hub, "door", DEVICES);
		this.jobs = new ScheduledJobsClient(this.hub.serviceHostName(),
				new AzureSasCredential(this.hub.sasToken("iothubowner", Duration.ofHours(4))));
		log.info("Test hub with {} devices ready in {} ms", DEVICES, (System.nanoTime() - start) / 1_000_000);
	}

	/** The JVM's test hub (its CA is trusted once the service has started). */
	public static synchronized TestHub get() {
		if (instance == null) {
			try {
				instance = new TestHub();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot start the test hub", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				instance.fleet.close();
				instance.hub.close();
			}));
		}
		return instance;
	}

	public IotHubEmulator emulator() {
		return this.hub;
	}

	public Fleet fleet() {
		return this.fleet;
	}

	/** The properties that point the service at this hub. */
	public Map<String, String> properties() {
		return Map.of("fleetjobs.iot-hub.connection-string", this.hub.connectionString("iothubowner"),
				"fleetjobs.iot-hub.endpoint", this.hub.serviceHostName(), "fleetjobs.iot-hub.trust-store",
				this.hub.trustStorePath().toString(), "fleetjobs.iot-hub.trust-store-password",
				this.hub.trustStorePassword());
	}

	/**
	 * Schedules the tutorial's {@code lockDoor} job on the devices, starting after the
	 * delay; offline devices fail at once (connect timeout 0).
	 */
	public ScheduledJob lockDoor(String jobId, List<String> deviceIds, Duration startIn) {
		try {
			return this.jobs.scheduleDirectMethod(jobId, condition(deviceIds), "lockDoor",
					new Date(System.currentTimeMillis() + startIn.toMillis()),
					DirectMethodsJobOptions.builder()
						.payload(Map.of("lockTime", "10m"))
						.methodResponseTimeoutSeconds(10)
						.methodConnectTimeoutSeconds(0)
						.maxExecutionTimeSeconds(120)
						.build());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot schedule job " + jobId, ex);
		}
	}

	public ScheduledJobsClient jobs() {
		return this.jobs;
	}

	static String condition(List<String> deviceIds) {
		return deviceIds.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(", ", "deviceId IN [", "]"));
	}

}
