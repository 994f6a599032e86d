package dev.fleetjobs.launcher.stack;

import java.util.Base64;

/**
 * What a local run looks like.
 *
 * @param run the run folder (logs, pids, data, secrets)
 * @param jars where the module jars are
 * @param ports the ports of every component
 * @param devices how many simulated devices
 * @param engine the simulator engine: {@code light} (many devices per process) or
 * {@code sdk} (one official DeviceClient per device)
 * @param buildings the fleet's buildings (devices get tags building 1..n, floor
 * 1..floors)
 * @param floors floors per building
 * @param tier the emulator's IoT Hub tier profile, e.g. {@code unlimited} or {@code S1}
 * @param hubInMemory whether the emulator keeps its devices, twins and jobs in memory
 * only (its CA still goes to its data folder): faster, since it then dispatches a job's
 * devices without waiting for its store, but nothing survives a restart
 * @param shape how many brokers, service instances and registration shards
 */
public record StackSettings(RunDirectory run, ModuleJars jars, StackPorts ports, int devices, String engine,
		int buildings, int floors, String tier, boolean hubInMemory, StackShape shape) {

	/** Settings with an emulator that keeps its state on disk. */
	public StackSettings(RunDirectory run, ModuleJars jars, StackPorts ports, int devices, String engine, int buildings,
			int floors, String tier) {
		this(run, jars, ports, devices, engine, buildings, floors, tier, false);
	}

	/** How many registration-only simulator processes (0: a fleet that connects). */
	public int registrationShards() {
		return this.shape.registrationShards();
	}

	/** Settings with a fleet that connects. */
	public StackSettings(RunDirectory run, ModuleJars jars, StackPorts ports, int devices, String engine, int buildings,
			int floors, String tier, boolean hubInMemory) {
		this(run, jars, ports, devices, engine, buildings, floors, tier, hubInMemory, StackShape.SINGLE);
	}

	/** The same run with another shape. */
	public StackSettings with(StackShape other) {
		return new StackSettings(this.run, this.jars, this.ports, this.devices, this.engine, this.buildings,
				this.floors, this.tier, this.hubInMemory, other);
	}

	/** Every broker of the run, for clients' {@code bootstrap.servers}. */
	public String bootstrapServers() {
		StringBuilder servers = new StringBuilder();
		for (int broker = 0; broker < this.shape.brokers(); broker++) {
			servers.append((broker > 0) ? "," : "")
				.append("localhost:")
				.append(this.ports.kafka() + broker * StackShape.BROKER_PORT_STEP);
		}
		return servers.toString();
	}

	/** The hub's owner key name, as in the seed tutorial's service connection string. */
	public static final String OWNER_POLICY = "iothubowner";

	public String hubOwnerKey() {
		return this.run.secret("hub.iothubowner.key");
	}

	/** The service connection string of the emulator's hub (a secret). */
	public String hubConnectionString() {
		return "HostName=localhost;SharedAccessKeyName=" + OWNER_POLICY + ";SharedAccessKey=" + hubOwnerKey();
	}

	/** The prefix of the local run's API keys. */
	static final String API_KEY_PREFIX = "fj_";

	/**
	 * The API key of the local run's operator (a secret), as {@code api.key} holds it in
	 * the run folder's {@code secrets.properties}: {@code fj_} and base64url of 32 random
	 * bytes.
	 */
	public String apiKey() {
		return this.run.secret("api.key",
				(bytes) -> API_KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
				StackSettings::apiKeyOf);
	}

	/**
	 * The key an {@code api.key} value stands for. Run folders made before the file held
	 * the key itself hold its random part in plain base64; that value becomes the key
	 * that was printed and accepted for it ({@code fj_} + the same bytes in base64url).
	 */
	static String apiKeyOf(String stored) {
		if (stored.startsWith(API_KEY_PREFIX)) {
			return stored;
		}
		return API_KEY_PREFIX + stored.replace('+', '-').replace('/', '_').replace("=", "");
	}

	public String emulatorHttps() {
		return "localhost:" + this.ports.emulatorHttps();
	}

}
