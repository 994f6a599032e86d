package dev.fleetjobs.emulator.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.fleetjobs.emulator.EmulatorConfig;
import dev.fleetjobs.emulator.IotHubEmulator;
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
			.banner(this.banner);
		if (this.inMemory) {
			builder.inMemory();
		}
		else {
			builder.dataDir(this.dataDir);
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

}
