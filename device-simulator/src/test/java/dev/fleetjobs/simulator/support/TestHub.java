package dev.fleetjobs.simulator.support;

import java.time.Duration;

import javax.net.ssl.HttpsURLConnection;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import com.microsoft.azure.sdk.iot.service.methods.DirectMethodsClient;
import com.microsoft.azure.sdk.iot.service.query.QueryClient;
import com.microsoft.azure.sdk.iot.service.registry.RegistryClient;
import com.microsoft.azure.sdk.iot.service.twin.TwinClient;

import dev.fleetjobs.emulator.EmulatorConfig;
import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.simulator.hub.HubConnection;
import dev.fleetjobs.simulator.hub.HubProperties;

/**
 * The test JVM's one emulator (in memory, ephemeral ports, fixed owner key) and the
 * official service clients pointed at it the documented way: host-name constructors with
 * {@code host:port} and a SAS credential, the emulator's CA trusted by the JVM's default
 * HTTPS factory.
 */
public final class TestHub {

	/** A fixed owner key for the test emulator. */
	public static final String OWNER_KEY = "ZmxlZXRqb2JzLXNpbXVsYXRvci10ZXN0LW93bmVyLWtleQ==";

	private static TestHub shared;

	private final IotHubEmulator hub;

	private final AzureSasCredential credential;

	private TestHub() {
		this.hub = IotHubEmulator.start(EmulatorConfig.builder()
			.inMemory()
			.httpsPort(0)
			.mqttPort(0)
			.policyKey("iothubowner", OWNER_KEY)
			.build());
		HttpsURLConnection.setDefaultSSLSocketFactory(this.hub.sslContext().getSocketFactory());
		this.credential = new AzureSasCredential(this.hub.sasToken("iothubowner", Duration.ofHours(12)));
		Runtime.getRuntime().addShutdownHook(new Thread(this.hub::close, "test-emulator-stop"));
	}

	/** The JVM's shared emulator, started on first use. */
	public static synchronized TestHub get() {
		if (shared == null) {
			shared = new TestHub();
		}
		return shared;
	}

	public IotHubEmulator emulator() {
		return this.hub;
	}

	/** What the simulator needs to provision and connect against this emulator. */
	public HubProperties properties() {
		return new HubProperties(this.hub.connectionString("iothubowner"), this.hub.httpsPort(), this.hub.mqttPort(),
				this.hub.caPemPath(), null, Duration.ofHours(1));
	}

	public HubConnection connection() {
		return new HubConnection(properties());
	}

	public RegistryClient registry() {
		return new RegistryClient(this.hub.serviceHostName(), this.credential);
	}

	public TwinClient twins() {
		return new TwinClient(this.hub.serviceHostName(), this.credential);
	}

	public DirectMethodsClient methods() {
		return new DirectMethodsClient(this.hub.serviceHostName(), this.credential);
	}

	public QueryClient query() {
		return new QueryClient(this.hub.serviceHostName(), this.credential);
	}

	public ScheduledJobsClient jobs() {
		return new ScheduledJobsClient(this.hub.serviceHostName(), this.credential);
	}

}
