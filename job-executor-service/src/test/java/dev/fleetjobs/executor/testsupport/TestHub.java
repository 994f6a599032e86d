package dev.fleetjobs.executor.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.HttpsURLConnection;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobType;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import com.microsoft.azure.sdk.iot.service.query.JobQueryResponse;
import dev.fleetjobs.emulator.EmulatorConfig;
import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.registry.DeviceSpec;
import dev.fleetjobs.emulator.throttling.TierProfile;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One in-memory iot-hub-emulator for the whole test JVM, on ephemeral ports, with the
 * official service SDK client that tests use to check the hub side. Its initializer
 * points the service at it the way a deployment against the emulator does: connection
 * string, endpoint override and the emulator's CA trust store.
 */
public final class TestHub {

	private static IotHubEmulator hub;

	private static ScheduledJobsClient jobs;

	private TestHub() {
	}

	public static synchronized IotHubEmulator hub() {
		if (hub == null) {
			hub = IotHubEmulator.start(EmulatorConfig.builder().inMemory().httpsPort(0).mqttPort(0).build());
			// The test's own SDK client trusts the emulator's CA (the service installs it
			// for itself from its trust-store property).
			HttpsURLConnection.setDefaultSSLSocketFactory(hub.sslContext().getSocketFactory());
			Runtime.getRuntime().addShutdownHook(new Thread(hub::close, "test-hub-close"));
		}
		return hub;
	}

	/** The properties that point a service instance at the emulator. */
	public static List<String> properties() {
		IotHubEmulator emulator = hub();
		List<String> properties = new ArrayList<>();
		properties.add("fleetjobs.iot-hub.connection-string=" + emulator.connectionString("iothubowner"));
		properties.add("fleetjobs.iot-hub.endpoint=" + emulator.serviceHostName());
		properties.add("fleetjobs.iot-hub.trust-store=" + emulator.trustStorePath());
		properties.add("fleetjobs.iot-hub.trust-store-password=" + emulator.trustStorePassword());
		return properties;
	}

	/**
	 * The official client, for reading jobs back (the service under test installs the
	 * emulator's CA for HTTPS first).
	 */
	public static synchronized ScheduledJobsClient jobs() {
		if (jobs == null) {
			jobs = new ScheduledJobsClient(hub().serviceHostName(),
					new AzureSasCredential(hub().sasToken("iothubowner", Duration.ofHours(2))));
		}
		return jobs;
	}

	public static ScheduledJob job(String jobId) {
		try {
			return jobs().get(jobId);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read job " + jobId + ": " + ex, ex);
		}
	}

	/** The ids of every job the hub has, from its job list (paged by the SDK). */
	public static List<String> jobIds() {
		try {
			JobQueryResponse response = jobs().query((ScheduledJobType) null, (ScheduledJobStatus) null);
			List<String> ids = new ArrayList<>();
			while (response.hasNext()) {
				ids.add(response.next().getJobId());
			}
			return ids;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot list jobs: " + ex, ex);
		}
	}

	/** Registers a device (it never connects). */
	public static String device(String deviceId) {
		hub().registry().create(DeviceSpec.of(deviceId));
		return deviceId;
	}

	/** Back to no quotas and no faults, after a test that changed them. */
	public static void reset() {
		hub().tier(TierProfile.UNLIMITED);
		hub().faults().clear();
	}

	/** Applies {@link #properties()} to a Spring test context. */
	public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of(properties()).applyTo(context);
		}

	}

}
