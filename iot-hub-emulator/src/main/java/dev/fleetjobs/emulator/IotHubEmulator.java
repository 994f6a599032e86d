package dev.fleetjobs.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.emulator.admin.AdminApi;
import dev.fleetjobs.emulator.auth.AccessPolicy;
import dev.fleetjobs.emulator.auth.SasToken;
import dev.fleetjobs.emulator.faults.CallCounters;
import dev.fleetjobs.emulator.faults.FaultInjector;
import dev.fleetjobs.emulator.http.Routes;
import dev.fleetjobs.emulator.jobs.JobService;
import dev.fleetjobs.emulator.methods.MethodService;
import dev.fleetjobs.emulator.mqtt.DeviceSessions;
import dev.fleetjobs.emulator.registry.Device;
import dev.fleetjobs.emulator.registry.DeviceRegistry;
import dev.fleetjobs.emulator.store.Store;
import dev.fleetjobs.emulator.throttling.TierProfile;
import dev.fleetjobs.emulator.tls.CertificateAuthority;
import dev.fleetjobs.emulator.twins.TwinService;

/**
 * A running local IoT Hub: HTTPS REST and MQTT over WebSockets on one port, MQTT over TLS
 * on another. Start one per test class (or per JVM) with {@link #start}; the core
 * services are reachable in-process too.
 */
public final class IotHubEmulator implements AdminApi, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(IotHubEmulator.class);

	private final EmulatorConfig config;

	private final EmulatorCore core;

	private final CertificateAuthority ca;

	private final Endpoints endpoints;

	private final Path temporaryTlsDir;

	private final CoreAdmin admin;

	private IotHubEmulator(EmulatorConfig config) throws IOException {
		this.config = config;
		Path caDir = (config.caDir() != null) ? config.caDir() : config.dataDir();
		this.temporaryTlsDir = (caDir == null) ? Files.createTempDirectory("iot-hub-emulator-tls") : null;
		this.core = new EmulatorCore(config, Clock.systemUTC());
		this.admin = new CoreAdmin(this.core);
		try {
			this.ca = CertificateAuthority.loadOrCreate((caDir != null) ? caDir : this.temporaryTlsDir,
					config.acceptedHostNames());
			this.endpoints = new Endpoints(config, this.core, this.ca, this.admin);
		}
		catch (RuntimeException ex) {
			this.core.close();
			throw ex;
		}
	}

	/** Starts an emulator; it listens when this returns. */
	public static IotHubEmulator start(EmulatorConfig config) {
		try {
			IotHubEmulator emulator = new IotHubEmulator(config);
			log.info(
					"IoT Hub emulator '{}' listening on https://{}:{} (REST, MQTT over WebSockets) and mqtts://{}:{}, {}; "
							+ "tier profile {}{}",
					config.hostName(), config.bindAddress(), emulator.httpsPort(), config.bindAddress(),
					emulator.mqttPort(),
					config.inMemory() ? "in memory" : "data in " + config.dataDir().toAbsolutePath(), config.tier(),
					(emulator.adminPort() >= 0) ? "; admin API on http://127.0.0.1:" + emulator.adminPort() : "");
			if (config.banner()) {
				Banner.print(emulator);
			}
			return emulator;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public EmulatorConfig config() {
		return this.config;
	}

	public int httpsPort() {
		return this.endpoints.httpsPort();
	}

	public int mqttPort() {
		return this.endpoints.mqttPort();
	}

	/** The hub's host name, as in connection strings: no port. */
	public String hostName() {
		return this.config.hostName();
	}

	/** {@code host:httpsPort}, for the service SDK's host-name constructors. */
	public String serviceHostName() {
		return this.config.hostName() + ":" + httpsPort();
	}

	/** {@code HostName=...;SharedAccessKeyName=...;SharedAccessKey=...} for a policy. */
	public String connectionString(String policyName) {
		AccessPolicy policy = policy(policyName);
		return "HostName=" + hostName() + ";SharedAccessKeyName=" + policy.name() + ";SharedAccessKey="
				+ policy.primaryKey();
	}

	/** {@code HostName=...;DeviceId=...;SharedAccessKey=...} for a registered device. */
	public String deviceConnectionString(String deviceId) {
		return "HostName=" + hostName() + ";DeviceId=" + deviceId + ";SharedAccessKey="
				+ this.core.registry.get(deviceId).primaryKey();
	}

	/** A service SAS token for a policy, e.g. for {@code AzureSasCredential}. */
	public String sasToken(String policyName, Duration timeToLive) {
		AccessPolicy policy = policy(policyName);
		return SasToken.create(hostName(), policy.primaryKey(), policy.name(),
				java.time.Instant.now().plus(timeToLive));
	}

	/** A device SAS token, signed with the device's primary key. */
	public String deviceSasToken(String deviceId, Duration timeToLive) {
		Device device = this.core.registry.get(deviceId);
		return SasToken.create(hostName() + "/devices/" + deviceId, device.primaryKey(), null,
				java.time.Instant.now().plus(timeToLive));
	}

	/** The CA certificate as PEM: what clients must trust. */
	public Path caPemPath() {
		return this.ca.caPemPath();
	}

	/**
	 * The CA certificate as a PKCS12 trust store ({@code -Djavax.net.ssl.trustStore}).
	 */
	public Path trustStorePath() {
		return this.ca.trustStorePath();
	}

	public String trustStorePassword() {
		return CertificateAuthority.STORE_PASSWORD;
	}

	/**
	 * A client SSLContext that trusts this emulator (e.g. for the device SDK's
	 * ClientOptions).
	 */
	public SSLContext sslContext() {
		return CertificateAuthority.clientContext(trustStorePath());
	}

	public DeviceRegistry registry() {
		return this.core.registry;
	}

	public TwinService twins() {
		return this.core.twins;
	}

	public MethodService methods() {
		return this.core.methods;
	}

	public DeviceSessions sessions() {
		return this.core.sessions;
	}

	/** The store, for features that keep more state (jobs). */
	public Store store() {
		return this.core.store;
	}

	/** The REST routes and query sources, for features that add to them (jobs). */
	public Routes routes() {
		return this.core.routes;
	}

	/** Scheduled jobs, in-process: create, get, cancel, list and device records. */
	public JobService jobs() {
		return this.core.jobs;
	}

	// The admin controls (tier, faults, call counters, disconnects): see AdminApi

	@Override
	public TierProfile tier() {
		return this.admin.tier();
	}

	@Override
	public void tier(TierProfile profile) {
		this.admin.tier(profile);
	}

	@Override
	public FaultInjector faults() {
		return this.admin.faults();
	}

	@Override
	public CallCounters calls() {
		return this.admin.calls();
	}

	@Override
	public boolean disconnect(String deviceId) {
		return this.admin.disconnect(deviceId);
	}

	@Override
	public int disconnectAllDevices() {
		return this.admin.disconnectAllDevices();
	}

	/** The admin API's port on 127.0.0.1, or -1 when it is off. */
	public int adminPort() {
		return this.endpoints.adminPort();
	}

	private AccessPolicy policy(String policyName) {
		AccessPolicy policy = this.core.policies.find(policyName);
		if (policy == null) {
			throw new IllegalArgumentException("No shared access policy named '" + policyName + "'");
		}
		return policy;
	}

	/** Stops listening, closes device connections and the store. */
	@Override
	public void close() {
		stop(false);
	}

	/**
	 * Stops as a crash ({@code kill -9}) would: nothing that is not committed yet is
	 * written. For restart tests; everything the emulator acknowledged survives it.
	 */
	public void halt() {
		stop(true);
	}

	private void stop(boolean crash) {
		int port = httpsPort();
		this.core.sessions.closeAll();
		this.endpoints.close();
		if (crash) {
			this.core.halt();
		}
		else {
			this.core.close();
		}
		if (this.temporaryTlsDir != null) {
			try (Stream<Path> files = Files.walk(this.temporaryTlsDir)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
			catch (IOException ex) {
				log.debug("Could not delete {}", this.temporaryTlsDir);
			}
		}
		log.info("IoT Hub emulator on port {} stopped", port);
	}

}
