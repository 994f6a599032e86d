package dev.fleetjobs.launcher.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker (KRaft, broker and controller in one process), run from the Kafka
 * jars on a classpath, with its storage in the run folder: alone (node 1 of 1, named
 * {@code kafka}, replication factor 1), or node n of a three-node quorum (named
 * {@code kafka-n}, replication factor 3, {@code min.insync.replicas} 2), whose nodes
 * share a cluster id kept in the run folder. Formatting happens once; restarts reuse the
 * data.
 */
public final class KafkaBroker {

	private final RunDirectory run;

	private final String classpath;

	private final int port;

	private final int controllerPort;

	private final int node;

	private final int nodes;

	private final int firstControllerPort;

	/** A single-node broker on these ports. */
	public KafkaBroker(RunDirectory run, String classpath, int port, int controllerPort) {
		this(run, classpath, port, controllerPort, 1, 1);
	}

	/**
	 * Node {@code node} (from 1) of {@code nodes}: its ports are the first node's +
	 * {@link StackShape#BROKER_PORT_STEP} per node before it.
	 */
	public KafkaBroker(RunDirectory run, String classpath, int firstPort, int firstControllerPort, int node,
			int nodes) {
		this.run = run;
		this.classpath = classpath;
		this.port = firstPort + (node - 1) * StackShape.BROKER_PORT_STEP;
		this.controllerPort = firstControllerPort + (node - 1) * StackShape.BROKER_PORT_STEP;
		this.node = node;
		this.nodes = nodes;
		this.firstControllerPort = firstControllerPort;
	}

	/** The process's name: {@code kafka}, or {@code kafka-<node>} in a quorum. */
	public String name() {
		return (this.nodes == 1) ? "kafka" : "kafka-" + this.node;
	}

	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	/** Formats the storage if needed and returns the broker process, not yet started. */
	public ManagedProcess prepare() {
		Path dir = this.run.data(name());
		Path config = dir.resolve("server.properties");
		Path logDirs = dir.resolve("logs");
		try {
			Files.createDirectories(logDirs);
			Files.writeString(config, serverProperties(logDirs));
			Files.writeString(dir.resolve("log4j2.properties"), LOG_CONFIG);
			if (!Files.exists(logDirs.resolve("meta.properties"))) {
				format(config);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot prepare the Kafka broker in " + dir, ex);
		}
		List<String> command = ManagedProcess.java(this.run, name(),
				List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC",
						"-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"), "-cp", this.classpath),
				List.of("kafka.Kafka", config.toString()));
		return new ManagedProcess(name(), command, Map.of(), this.run, HealthCheck.tcp("localhost", this.port));
	}

	/** The quorum's cluster id: made by the first node formatted, read by the others. */
	private String sharedClusterId() throws IOException {
		synchronized (KafkaBroker.class) {
			Path file = this.run.data("kafka-cluster").resolve("cluster.id");
			if (Files.exists(file)) {
				return Files.readString(file).trim();
			}
			Files.createDirectories(file.getParent());
			String id = clusterId();
			Files.writeString(file, id);
			return id;
		}
	}

	private void format(Path config) throws IOException {
		String clusterId = (this.nodes == 1) ? clusterId() : sharedClusterId();
		List<String> command = new ArrayList<>(ManagedProcess.java(this.run, "kafka-format",
				List.of("-cp", this.classpath), List.of("kafka.tools.StorageTool", "format", "--ignore-formatted", "-t",
						clusterId, "-c", config.toString())));
		Process format = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.run.log(name()).toFile()))
			.start();
		try {
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				format.destroyForcibly();
				throw new IllegalStateException("Formatting Kafka storage failed; see " + this.run.log(name()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while formatting Kafka storage", ex);
		}
	}

	private String serverProperties(Path logDirs) {
		StringBuilder voters = new StringBuilder();
		for (int voter = 1; voter <= this.nodes; voter++) {
			voters.append((voter > 1) ? "," : "")
				.append(voter)
				.append("@localhost:")
				.append(this.firstControllerPort + (voter - 1) * StackShape.BROKER_PORT_STEP);
		}
		int replicas = Math.min(3, this.nodes);
		int minInSync = (replicas == 1) ? 1 : 2;
		return String.join("\n", "process.roles=broker,controller", "node.id=" + this.node,
				"controller.quorum.voters=" + voters,
				"listeners=PLAINTEXT://localhost:" + this.port + ",CONTROLLER://localhost:" + this.controllerPort,
				"advertised.listeners=PLAINTEXT://localhost:" + this.port, "controller.listener.names=CONTROLLER",
				"listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
				"inter.broker.listener.name=PLAINTEXT", "log.dirs=" + logDirs, "num.partitions=12",
				"default.replication.factor=" + replicas, "min.insync.replicas=" + minInSync,
				"offsets.topic.replication.factor=" + replicas, "transaction.state.log.replication.factor=" + replicas,
				"transaction.state.log.min.isr=" + minInSync,
				"share.coordinator.state.topic.replication.factor=" + replicas,
				"share.coordinator.state.topic.min.isr=" + minInSync, "group.initial.rebalance.delay.ms=0",
				"auto.create.topics.enable=true", "log.retention.hours=168", "log.segment.bytes=67108864",
				// a local run shares a few cores with every other process: Kafka's thread
				// pools sized for that, not for a server of its own
				"num.network.threads=2", "num.io.threads=2", "num.replica.fetchers=1", "background.threads=2", "");
	}

	/**
	 * A random cluster id in Kafka's format: a UUID as 22 characters of URL-safe base64,
	 * never starting with {@code -}.
	 */
	static String clusterId() {
		while (true) {
			UUID uuid = UUID.randomUUID();
			java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
			bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
			String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
			// One id in 64 starts with '-', which the format tool's parser takes for an
			// option
			// (Kafka's own Uuid.randomUuid() skips those too).
			if (!id.startsWith("-")) {
				return id;
			}
		}
	}

	private static final String LOG_CONFIG = String.join("\n", "status = warn", "appender.out.type = Console",
			"appender.out.name = out", "appender.out.layout.type = PatternLayout",
			"appender.out.layout.pattern = [%d] %p %m (%c)%n", "rootLogger.level = info",
			"rootLogger.appenderRef.out.ref = out", "logger.kafka.name = kafka", "logger.kafka.level = warn",
			"logger.apache.name = org.apache.kafka", "logger.apache.level = warn",
			"logger.started.name = kafka.server.KafkaRaftServer", "logger.started.level = info", "");

}
