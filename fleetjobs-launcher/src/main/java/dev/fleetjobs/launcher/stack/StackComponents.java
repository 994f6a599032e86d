package dev.fleetjobs.launcher.stack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each component of a local run is started: its command line, its environment
 * (secrets go there, never on the command line, which {@code ps} shows) and its health
 * check.
 */
public final class StackComponents {

	public static final String KAFKA = "kafka";

	public static final String EMULATOR = "iot-hub-emulator";

	public static final String REQUEST = "job-request-service";

	public static final String EXECUTOR = "job-executor-service";

	public static final String STATUS = "job-status-service";

	public static final String SIMULATOR = "device-simulator";

	/**
	 * For the processes that keep a lot in memory while jobs run (the emulator's job
	 * records, the status service's view of every device result, the simulator's
	 * connections): G1 collects the old generation concurrently, where the serial
	 * collector stopped them for 0.1-0.5 s at a time in the middle of a job.
	 */
	private static final List<String> RETAINING_JVM = List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50");

	/** The services that keep little: the serial collector, the smallest footprint. */
	private static final List<String> SERVICE_JVM = List.of("-XX:+UseSerialGC");

	private final StackSettings settings;

	public StackComponents(StackSettings settings) {
		this.settings = settings;
	}

	public KafkaBroker kafka() {
		return new KafkaBroker(this.settings.run(), this.settings.jars().kafkaClasspath(),
				this.settings.ports().kafka(), this.settings.ports().kafkaController());
	}

	/** Every broker of the run: one, or the nodes of a three-node quorum. */
	public List<KafkaBroker> brokers() {
		int count = this.settings.shape().brokers();
		if (count == 1) {
			return List.of(kafka());
		}
		List<KafkaBroker> brokers = new ArrayList<>();
		for (int node = 1; node <= count; node++) {
			brokers.add(new KafkaBroker(this.settings.run(), this.settings.jars().kafkaClasspath(),
					this.settings.ports().kafka(), this.settings.ports().kafkaController(), node, count));
		}
		return brokers;
	}

	/**
	 * Every instance of the three services: the first of each keeps the default names and
	 * ports, the n-th is named {@code <service>-n} on ports + 100 x (n - 1).
	 */
	public List<ManagedProcess> services() {
		List<ManagedProcess> services = new ArrayList<>();
		for (int instance = 1; instance <= this.settings.shape().instances(); instance++) {
			services.add(requestService(instance));
			services.add(executorService(instance));
			services.add(statusService(instance));
		}
		return services;
	}

	public ManagedProcess emulator() {
		StackPorts ports = this.settings.ports();
		List<String> args = new ArrayList<>(List.of("--data-dir", emulatorData().toString(), "--ca-dir",
				emulatorData().toString(), "--bind-address", "127.0.0.1", "--host-name", "localhost", "--https-port",
				Integer.toString(ports.emulatorHttps()), "--mqtt-port", Integer.toString(ports.emulatorMqtt()),
				"--admin-port", Integer.toString(ports.emulatorAdmin()), "--tier", this.settings.tier(),
				"--no-banner"));
		if (this.settings.hubInMemory()) {
			args.add("--in-memory");
		}
		// every device's registry entry, twin and job records are on its heap: 1 GB up to
		// 125,000 devices, then 8 KB a device (8 GB for a million)
		long heapMegabytes = Math.max(1024, this.settings.devices() / 125);
		List<String> command = ManagedProcess.java(this.settings.run(), EMULATOR, jvm(RETAINING_JVM, "-Xms256m",
				"-Xmx" + heapMegabytes + "m", "-jar", this.settings.jars().emulatorJar().toString()), args);
		Map<String, String> env = Map.of("EMULATOR_POLICY_KEYS",
				StackSettings.OWNER_POLICY + "=" + this.settings.hubOwnerKey());
		return new ManagedProcess(EMULATOR, command, env, this.settings.run(),
				HealthCheck.tcp("localhost", ports.emulatorHttps()));
	}

	public ManagedProcess requestService() {
		return requestService(1);
	}

	/** Instance {@code instance} (from 1) of job-request-service. */
	public ManagedProcess requestService(int instance) {
		int shift = shift(instance);
		StackPorts ports = this.settings.ports();
		Map<String, String> env = springEnv(ports.requestService() + shift);
		env.put("MANAGEMENT_SERVER_PORT", Integer.toString(ports.requestManagement() + shift));
		env.putAll(apiKeyEnv());
		env.put("FLEETJOBS_SECURITY_DATADIR", this.settings.run().data(REQUEST).toString());
		env.put("FLEETJOBS_SECURITY_GENERATELOCALKEY", "false");
		return service(instanceName(REQUEST, instance), REQUEST, ports.requestManagement() + shift, env, SERVICE_JVM);
	}

	public ManagedProcess executorService() {
		return executorService(1);
	}

	/**
	 * Instance {@code instance} of job-executor-service: its own instance id (and so its
	 * own transactional ids, which fence a restarted instance's predecessor).
	 */
	public ManagedProcess executorService(int instance) {
		int port = this.settings.ports().executorService() + shift(instance);
		Map<String, String> env = springEnv(port);
		env.putAll(hubEnv());
		env.put("FLEETJOBS_INSTANCE_ID", (instance == 1) ? "local" : "local-" + instance);
		return service(instanceName(EXECUTOR, instance), EXECUTOR, port, env, SERVICE_JVM);
	}

	public ManagedProcess statusService() {
		return statusService(1);
	}

	/** Instance {@code instance} of job-status-service. */
	public ManagedProcess statusService(int instance) {
		int shift = shift(instance);
		StackPorts ports = this.settings.ports();
		Map<String, String> env = springEnv(ports.statusService() + shift);
		env.put("MANAGEMENT_SERVER_PORT", Integer.toString(ports.statusManagement() + shift));
		env.putAll(hubEnv());
		env.putAll(apiKeyEnv());
		env.put("FLEETJOBS_SECURITY_LOCALKEYFILE", this.settings.run().data(STATUS).resolve("none").toString());
		// the view's device result file: this instance's own folder, cleared at its start
		env.put("FLEETJOBS_VIEW_RESULTSDIRECTORY",
				this.settings.run().data(instanceName(STATUS, instance)).resolve("view").toString());
		// The emulator serves up to 10,000 device job records a page: a running job's
		// records come in one query, not one per 1,000
		env.put("FLEETJOBS_RESULTS_PAGESIZE", "10000");
		if ("unlimited".equalsIgnoreCase(this.settings.tier())) {
			// The emulator has no quota here: poll as fast as freshness needs, not at
			// S1's pace.
			env.put("FLEETJOBS_HUBBUDGET_JOBOPERATIONSPERMINUTE", "6000");
			env.put("FLEETJOBS_HUBBUDGET_QUERIESPERMINUTE", "6000");
		}
		return service(instanceName(STATUS, instance), STATUS, ports.statusManagement() + shift, env, RETAINING_JVM);
	}

	/**
	 * A service instance's name: the module's for the first, {@code <module>-n} after.
	 */
	public static String instanceName(String module, int instance) {
		return (instance == 1) ? module : module + "-" + instance;
	}

	private static int shift(int instance) {
		return (instance - 1) * StackShape.INSTANCE_PORT_STEP;
	}

	public ManagedProcess simulator() {
		Map<String, String> fleet = new LinkedHashMap<>();
		fleet.put("FLEETJOBS_SIMULATOR_FLEET_BUILDINGS", Integer.toString(this.settings.buildings()));
		fleet.put("FLEETJOBS_SIMULATOR_FLEET_FLOORS", Integer.toString(this.settings.floors()));
		return simulator(SIMULATOR, this.settings.ports().simulator(), this.settings.devices(), fleet);
	}

	/**
	 * The simulated fleet: one process whose devices connect, or
	 * {@link StackSettings#registrationShards()} processes (ports simulator + 200 + i)
	 * that register a share of the devices each and connect none.
	 */
	public List<ManagedProcess> fleet() {
		int shards = this.settings.registrationShards();
		if (shards == 0) {
			return List.of(simulator());
		}
		List<ManagedProcess> fleet = new ArrayList<>();
		for (int shard = 0; shard < shards; shard++) {
			Map<String, String> env = new LinkedHashMap<>();
			env.put("FLEETJOBS_SIMULATOR_FLEET_BUILDINGS", Integer.toString(this.settings.buildings()));
			env.put("FLEETJOBS_SIMULATOR_FLEET_FLOORS", Integer.toString(this.settings.floors()));
			env.put("FLEETJOBS_SIMULATOR_FLEET_SHARD", shard + "/" + shards);
			env.put("FLEETJOBS_SIMULATOR_ENGINE_CONNECT", "false");
			fleet.add(simulator(SIMULATOR + "-" + (shard + 1), this.settings.ports().simulator() + 200 + shard,
					this.settings.devices(), env));
		}
		return fleet;
	}

	/**
	 * Another simulated fleet in its own process, on the same hub: e.g. devices with
	 * their own id pattern ({@code FLEETJOBS_SIMULATOR_FLEET_IDPATTERN}), tags
	 * ({@code FLEETJOBS_SIMULATOR_FLEET_TAGS_<NAME>}) and faults
	 * ({@code FLEETJOBS_SIMULATOR_FAULTS_*}).
	 * @param name the process's name (and its log's), e.g. {@code device-simulator-late}
	 * @param port its HTTP port (actuator)
	 * @param devices how many devices it runs
	 * @param settings its environment on top of the hub's
	 */
	public ManagedProcess simulator(String name, int port, int devices, Map<String, String> settings) {
		StackPorts ports = this.settings.ports();
		Map<String, String> env = springEnv(port);
		env.put("FLEETJOBS_SIMULATOR_HUB_CONNECTIONSTRING", this.settings.hubConnectionString());
		env.put("FLEETJOBS_SIMULATOR_HUB_HTTPSPORT", Integer.toString(ports.emulatorHttps()));
		env.put("FLEETJOBS_SIMULATOR_HUB_MQTTPORT", Integer.toString(ports.emulatorMqtt()));
		env.put("FLEETJOBS_SIMULATOR_HUB_CACERTIFICATE", emulatorData().resolve("ca.pem").toString());
		env.put("FLEETJOBS_SIMULATOR_ENGINE_KIND", this.settings.engine());
		if ("light".equals(this.settings.engine())) {
			// MQTT over TLS on any port (the SDK's MQTT dials 8883 only): cheaper than
			// WebSockets
			env.put("FLEETJOBS_SIMULATOR_ENGINE_TRANSPORT", "mqtt");
		}
		env.put("FLEETJOBS_SIMULATOR_FLEET_COUNT", Integer.toString(devices));
		env.putAll(settings);
		return service(name, SIMULATOR, port, env, RETAINING_JVM);
	}

	public Path emulatorData() {
		return this.settings.run().data(EMULATOR);
	}

	private ManagedProcess service(String name, String module, int actuatorPort, Map<String, String> env,
			List<String> collector) {
		List<String> command = ManagedProcess.java(this.settings.run(), name,
				jvm(collector, "-Xms64m", "-Xmx512m", "-Xss512k"),
				List.of("-jar", this.settings.jars().serviceJar(module).toString()));
		return new ManagedProcess(name, command, env, this.settings.run(),
				HealthCheck.http("http://localhost:" + actuatorPort + "/actuator/health/readiness"));
	}

	private static List<String> jvm(List<String> collector, String... options) {
		List<String> jvm = new ArrayList<>(collector);
		jvm.addAll(List.of(options));
		return jvm;
	}

	private Map<String, String> springEnv(int port) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SERVER_PORT", Integer.toString(port));
		env.put("SPRING_KAFKA_BOOTSTRAPSERVERS", this.settings.bootstrapServers());
		env.put("FLEETJOBS_TOPICS_REPLICATIONFACTOR", Integer.toString(this.settings.shape().replicationFactor()));
		return env;
	}

	private Map<String, String> hubEnv() {
		return Map.of("FLEETJOBS_IOTHUB_CONNECTIONSTRING", this.settings.hubConnectionString(),
				"FLEETJOBS_IOTHUB_ENDPOINT", this.settings.emulatorHttps(), "FLEETJOBS_IOTHUB_TRUSTSTORE",
				emulatorData().resolve("ca.p12").toString(), "FLEETJOBS_IOTHUB_TRUSTSTOREPASSWORD", "changeit");
	}

	private Map<String, String> apiKeyEnv() {
		return Map.of("FLEETJOBS_SECURITY_APIKEYS_0_NAME", "local-operator", "FLEETJOBS_SECURITY_APIKEYS_0_HASH",
				sha256(this.settings.apiKey()), "FLEETJOBS_SECURITY_APIKEYS_0_SCOPES",
				"jobs:submit,jobs:cancel,jobs:read");
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
