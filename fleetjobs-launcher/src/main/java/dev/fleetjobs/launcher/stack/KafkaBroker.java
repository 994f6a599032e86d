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
 * A real single-node Kafka broker (KRaft, broker and controller in one process), run from
 * the Kafka jars on a classpath, with its storage in the run folder. Formatting happens
 * once; restarts reuse the data.
 */
public final class KafkaBroker {

	private final RunDirectory run;

	private final String classpath;

	private final int port;

	private final int controllerPort;

	public KafkaBroker(RunDirectory run, String classpath, int port, int controllerPort) {
		this.run = run;
		this.classpath = classpath;
		this.port = port;
		this.controllerPort = controllerPort;
	}

	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	/** Formats the storage if needed and returns the broker process, not yet started. */
	public ManagedProcess prepare() {
		Path dir = this.run.data("kafka");
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
		List<String> command = ManagedProcess.java(this.run, "kafka",
				List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC",
						"-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"), "-cp", this.classpath),
				List.of("kafka.Kafka", config.toString()));
		return new ManagedProcess("kafka", command, Map.of(), this.run, HealthCheck.tcp("localhost", this.port));
	}

	private void format(Path config) throws IOException {
		String clusterId = clusterId();
		List<String> command = new ArrayList<>(ManagedProcess.java(this.run, "kafka-format",
				List.of("-cp", this.classpath), List.of("kafka.tools.StorageTool", "format", "--ignore-formatted", "-t",
						clusterId, "-c", config.toString())));
		Process format = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.run.log("kafka").toFile()))
			.start();
		try {
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				format.destroyForcibly();
				throw new IllegalStateException("Formatting Kafka storage failed; see " + this.run.log("kafka"));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while formatting Kafka storage", ex);
		}
	}

	private String serverProperties(Path logDirs) {
		return String.join("\n", "process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@localhost:" + this.controllerPort,
				"listeners=PLAINTEXT://localhost:" + this.port + ",CONTROLLER://localhost:" + this.controllerPort,
				"advertised.listeners=PLAINTEXT://localhost:" + this.port, "controller.listener.names=CONTROLLER",
				"listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
				"inter.broker.listener.name=PLAINTEXT", "log.dirs=" + logDirs, "num.partitions=12",
				"offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0",
				"auto.create.topics.enable=true", "log.retention.hours=168", "log.segment.bytes=67108864", "");
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
