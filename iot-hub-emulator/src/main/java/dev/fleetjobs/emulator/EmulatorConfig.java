package dev.fleetjobs.emulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.fleetjobs.emulator.auth.AccessPolicy;
import dev.fleetjobs.emulator.jobs.JobsProperties;
import dev.fleetjobs.emulator.throttling.TierProfile;

/**
 * How an emulator runs: where it keeps its state (a data directory, or memory), where it
 * listens, the host name it answers to, and shared access policies with fixed keys.
 *
 * @param dataDir the data directory, or null to keep everything in memory
 * @param bindAddress the address both endpoints listen on
 * @param hostName the hub's host name: in connection strings, SAS tokens and the
 * certificate
 * @param httpsPort REST and MQTT over WebSockets; 0 picks a free port
 * @param mqttPort MQTT over TLS; 0 picks a free port
 * @param hostAliases more host names that SAS tokens and the certificate accept
 * @param policies policies whose keys are given rather than generated
 * @param ioThreads event-loop threads; 0 means Netty's default (two per core). One loop
 * avoids handing each call between threads and is the fastest on small hosts.
 * @param banner whether to print the dev banner with the owner connection string
 * @param tier the tier profile whose quotas are enforced at start ({@code unlimited}:
 * none); it can be switched while the emulator runs
 * @param jobs how the jobs engine runs: retention, in-flight window, device record style
 * @param adminPort the admin and fault-injection port (plain HTTP on loopback); -1 (the
 * default) for none, 0 for a free port
 * @param caDir where the CA and server certificate are kept; null for the data directory
 * (in memory: a temporary directory). Set it to keep the CA of an in-memory emulator
 * where its clients can find it.
 */
public record EmulatorConfig(Path dataDir, String bindAddress, String hostName, int httpsPort, int mqttPort,
		List<String> hostAliases, List<AccessPolicy> policies, int ioThreads, boolean banner, TierProfile tier,
		JobsProperties jobs, int adminPort, Path caDir) {

	public EmulatorConfig {
		checkPort("httpsPort", httpsPort);
		checkPort("mqttPort", mqttPort);
		if (adminPort != -1) {
			checkPort("adminPort", adminPort);
		}
		tier = (tier != null) ? tier : TierProfile.UNLIMITED;
		jobs = (jobs != null) ? jobs : JobsProperties.DEFAULTS;
		if (hostName == null || !hostName.matches("[A-Za-z0-9_\\-.]+")) {
			throw new IllegalArgumentException("hostName must be a plain host name without a port: " + hostName);
		}
		hostAliases = List.copyOf(hostAliases);
		policies = List.copyOf(policies);
	}

	/** A config with the defaults for the tier, the jobs engine and the admin port. */
	public EmulatorConfig(Path dataDir, String bindAddress, String hostName, int httpsPort, int mqttPort,
			List<String> hostAliases, List<AccessPolicy> policies, int ioThreads, boolean banner) {
		this(dataDir, bindAddress, hostName, httpsPort, mqttPort, hostAliases, policies, ioThreads, banner,
				TierProfile.UNLIMITED, JobsProperties.DEFAULTS, -1, null);
	}

	public static Builder builder() {
		return new Builder();
	}

	public boolean inMemory() {
		return this.dataDir == null;
	}

	/** The host names that SAS tokens may name and the server certificate covers. */
	public Set<String> acceptedHostNames() {
		Set<String> names = new LinkedHashSet<>(List.of(this.hostName, "localhost", "127.0.0.1"));
		names.addAll(this.hostAliases);
		return names;
	}

	private static void checkPort(String name, int port) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(name + " must be from 0 to 65535: " + port);
		}
	}

	/**
	 * Builds a config; the defaults are the hub's ports on loopback, in a data directory.
	 */
	public static final class Builder {

		private Path dataDir = Path.of("iot-hub-data");

		private String bindAddress = "127.0.0.1";

		private String hostName = "localhost";

		private int httpsPort = 443;

		private int mqttPort = 8883;

		private final List<String> hostAliases = new ArrayList<>();

		private final List<AccessPolicy> policies = new ArrayList<>();

		private int ioThreads = 1;

		private boolean banner;

		private TierProfile tier = TierProfile.UNLIMITED;

		private JobsProperties jobs = JobsProperties.DEFAULTS;

		private int adminPort = -1;

		private Path caDir;

		public Builder inMemory() {
			this.dataDir = null;
			return this;
		}

		public Builder dataDir(Path dataDir) {
			this.dataDir = dataDir;
			return this;
		}

		public Builder bindAddress(String bindAddress) {
			this.bindAddress = bindAddress;
			return this;
		}

		public Builder hostName(String hostName) {
			this.hostName = hostName;
			return this;
		}

		public Builder httpsPort(int httpsPort) {
			this.httpsPort = httpsPort;
			return this;
		}

		public Builder mqttPort(int mqttPort) {
			this.mqttPort = mqttPort;
			return this;
		}

		public Builder hostAlias(String... aliases) {
			this.hostAliases.addAll(List.of(aliases));
			return this;
		}

		/** Gives a built-in policy (iothubowner, service, ...) a fixed key. */
		public Builder policyKey(String policyName, String base64Key) {
			var permissions = AccessPolicy.BUILT_IN.get(policyName);
			if (permissions == null) {
				throw new IllegalArgumentException("Unknown built-in policy '" + policyName + "'; known: "
						+ AccessPolicy.BUILT_IN.keySet() + ". Use policy(AccessPolicy) for others.");
			}
			return policy(new AccessPolicy(policyName, base64Key, base64Key, permissions));
		}

		public Builder policy(AccessPolicy policy) {
			this.policies.add(policy);
			return this;
		}

		public Builder ioThreads(int ioThreads) {
			this.ioThreads = ioThreads;
			return this;
		}

		public Builder banner(boolean banner) {
			this.banner = banner;
			return this;
		}

		/** The tier profile at start, e.g. {@code TierProfile.parse("S1")}. */
		public Builder tier(TierProfile tier) {
			this.tier = tier;
			return this;
		}

		/** The jobs engine's retention, in-flight window and device record style. */
		public Builder jobs(JobsProperties jobs) {
			this.jobs = jobs;
			return this;
		}

		/** Serves the admin API on this loopback port (0: a free one). */
		public Builder adminPort(int adminPort) {
			this.adminPort = adminPort;
			return this;
		}

		/** Keeps the CA here rather than in the data directory (or a temporary one). */
		public Builder caDir(Path caDir) {
			this.caDir = caDir;
			return this;
		}

		public EmulatorConfig build() {
			return new EmulatorConfig(this.dataDir, this.bindAddress, this.hostName, this.httpsPort, this.mqttPort,
					this.hostAliases, this.policies, this.ioThreads, this.banner, this.tier, this.jobs, this.adminPort,
					this.caDir);
		}

	}

}
