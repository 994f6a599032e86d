package dev.fleetjobs.emulator.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.fleetjobs.emulator.EmulatorConfig;
import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.jobs.DeviceRecordStyle;
import dev.fleetjobs.emulator.jobs.JobsProperties;
import dev.fleetjobs.emulator.throttling.TierProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar iot-hub-emulator-*-exec.jar [options]}. Every option can also be set
 * by an environment variable (shown in {@code --help}), for docker-compose.
 */
@Command(name = "iot-hub-emulator", mixinStandardHelpOptions = true, version = "FleetJobs IoT Hub emulator 0.1",
		description = "A local Azure IoT Hub that the official SDKs use unchanged.", showDefaultValues = true)
public final class EmulatorCommand implements Callable<Integer> {

	@Option(names = "--data-dir", defaultValue = "${env:EMULATOR_DATA_DIR:-iot-hub-data}",
			description = "Directory for devices, twins, keys and the CA (env EMULATOR_DATA_DIR).")
	Path dataDir;

	@Option(names = "--in-memory", defaultValue = "${env:EMULATOR_IN_MEMORY:-false}",
			description = "Keep everything in memory; nothing survives a restart (env EMULATOR_IN_MEMORY).")
	boolean inMemory;

	@Option(names = "--ca-dir", defaultValue = "${env:EMULATOR_CA_DIR}",
			description = "Directory for the CA and server certificate (default: the data directory; with "
					+ "--in-memory a temporary one) (env EMULATOR_CA_DIR).")
	Path caDir;

	@Option(names = "--bind-address", defaultValue = "${env:EMULATOR_BIND_ADDRESS:-127.0.0.1}",
			description = "Address to listen on; 0.0.0.0 in a container (env EMULATOR_BIND_ADDRESS).")
	String bindAddress;

	@Option(names = "--host-name", defaultValue = "${env:EMULATOR_HOST_NAME:-localhost}",
			description = "The hub's host name, as in connection strings (env EMULATOR_HOST_NAME).")
	String hostName;

	@Option(names = "--https-port", defaultValue = "${env:EMULATOR_HTTPS_PORT:-443}",
			description = "REST and MQTT over WebSockets (env EMULATOR_HTTPS_PORT).")
	int httpsPort;

	@Option(names = "--mqtt-port", defaultValue = "${env:EMULATOR_MQTT_PORT:-8883}",
			description = "MQTT over TLS (env EMULATOR_MQTT_PORT).")
	int mqttPort;

	@Option(names = "--host-alias", split = ",", defaultValue = "${env:EMULATOR_HOST_ALIASES:-}",
			description = "More host names for SAS tokens and the certificate (env EMULATOR_HOST_ALIASES, comma-separated).")
	List<String> hostAliases = new ArrayList<>();

	@Option(names = "--policy-key", split = ",", defaultValue = "${env:EMULATOR_POLICY_KEYS:-}",
			description = "Fixed keys for built-in policies, name=base64key (env EMULATOR_POLICY_KEYS, comma-separated).")
	List<String> policyKeys = new ArrayList<>();

	@Option(names = "--io-threads", defaultValue = "${env:EMULATOR_IO_THREADS:-1}",
			description = "Event-loop threads; 0 is two per core (env EMULATOR_IO_THREADS).")
	int ioThreads;

	@Option(names = { "--tier", "--profile" }, defaultValue = "${env:EMULATOR_TIER:-unlimited}",
			description = "Tier profile whose quotas are enforced: unlimited, F1, S1, S2 or S3, with units as S2x4 "
					+ "(env EMULATOR_TIER).")
	String tier;

	@Option(names = "--admin-port", defaultValue = "${env:EMULATOR_ADMIN_PORT:--1}",
			description = "Admin and fault-injection API on 127.0.0.1 (plain HTTP); -1 turns it off "
					+ "(env EMULATOR_ADMIN_PORT).")
	int adminPort;

	@Option(names = "--job-retention", defaultValue = "${env:EMULATOR_JOB_RETENTION:-30d}",
			description = "How long finished jobs and their device records are kept, e.g. 30d, 12h, 90s "
					+ "(env EMULATOR_JOB_RETENTION).")
	String jobRetention;

	@Option(names = "--job-max-in-flight", defaultValue = "${env:EMULATOR_JOB_MAX_IN_FLIGHT:-1000}",
			description = "Devices of one job in flight at once (env EMULATOR_JOB_MAX_IN_FLIGHT).")
	int jobMaxInFlight;

	@Option(names = "--device-job-records", defaultValue = "${env:EMULATOR_DEVICE_JOB_RECORDS:-java-2.1.9}",
			description = "Shape of method-job device records: java-2.1.9 (Java SDK 2.1.9 parses every page) or "
					+ "docs (env EMULATOR_DEVICE_JOB_RECORDS).")
	String deviceJobRecords;

	@Option(names = "--no-banner", negatable = true, defaultValue = "${env:EMULATOR_BANNER:-true}",
			description = "Print the dev banner with the owner connection string (env EMULATOR_BANNER).")
	boolean banner;

	public static void main(String[] args) {
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "iot-hub-emulator-logback.xml");
		}
		System.exit(new CommandLine(new EmulatorCommand()).execute(args));
	}

	@Override
	public Integer call() throws InterruptedException {
		IotHubEmulator emulator = IotHubEmulator.start(config());
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.close();
			stopped.countDown();
		}, "emulator-shutdown"));
		stopped.await();
		return 0;
	}

	EmulatorConfig config() {
		EmulatorConfig.Builder builder = EmulatorConfig.builder()
			.bindAddress(this.bindAddress)
			.hostName(this.hostName)
			.httpsPort(this.httpsPort)
			.mqttPort(this.mqttPort)
			.ioThreads(this.ioThreads)
			.banner(this.banner)
			.adminPort(this.adminPort)
			.jobs(JobsProperties.DEFAULTS.withRetention(duration("--job-retention", this.jobRetention))
				.withMaxInFlight(this.jobMaxInFlight)
				.withDeviceRecords(DeviceRecordStyle.parse(this.deviceJobRecords)));
		try {
			builder.tier(TierProfile.parse(this.tier));
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.ParameterException(new CommandLine(this), "--tier: " + ex.getMessage());
		}
		if (this.inMemory) {
			builder.inMemory();
		}
		else {
			builder.dataDir(this.dataDir);
		}
		if (this.caDir != null) {
			builder.caDir(this.caDir);
		}
		this.hostAliases.stream()
			.filter((alias) -> !alias.isBlank())
			.forEach((alias) -> builder.hostAlias(alias.trim()));
		for (String entry : this.policyKeys) {
			if (entry.isBlank()) {
				continue;
			}
			int eq = entry.indexOf('=');
			if (eq <= 0) {
				throw new CommandLine.ParameterException(new CommandLine(this),
						"--policy-key needs name=base64key, e.g. iothubowner=<key>");
			}
			builder.policyKey(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
		}
		return builder.build();
	}

	/**
	 * {@code 30d}, {@code 12h}, {@code 15m}, {@code 90s}, or ISO-8601 ({@code PT90S}).
	 */
	private Duration duration(String option, String text) {
		String value = text.trim().toLowerCase(java.util.Locale.ROOT);
		try {
			if (value.startsWith("p")) {
				return Duration.parse(value.toUpperCase(java.util.Locale.ROOT));
			}
			long amount = Long.parseLong(value.substring(0, value.length() - 1));
			return switch (value.charAt(value.length() - 1)) {
				case 'd' -> Duration.ofDays(amount);
				case 'h' -> Duration.ofHours(amount);
				case 'm' -> Duration.ofMinutes(amount);
				case 's' -> Duration.ofSeconds(amount);
				default -> throw new IllegalArgumentException(text);
			};
		}
		catch (RuntimeException ex) {
			throw new CommandLine.ParameterException(new CommandLine(this),
					option + " needs a duration such as 30d, 12h, 15m or 90s, not '" + text + "'");
		}
	}

}
