package dev.fleetjobs.emulator.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import dev.fleetjobs.emulator.EmulatorConfig;
import dev.fleetjobs.emulator.IotHubEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Command-line options become the emulator's configuration. */
class EmulatorCommandTests {

	@Test
	void defaultsAreTheHubsPortsOnLoopbackWithADataDirectory() {
		EmulatorConfig config = parse();

		assertThat(config.httpsPort()).isEqualTo(443);
		assertThat(config.mqttPort()).isEqualTo(8883);
		assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
		assertThat(config.dataDir()).isEqualTo(Path.of("iot-hub-data"));
		assertThat(config.caDir()).isNull();
		assertThat(config.banner()).isTrue();
	}

	@Test
	void givenInMemoryWithACaDirectoryWhenStartedThenTheCaIsKeptThereAndNothingElse(@TempDir Path dir) {
		EmulatorConfig config = parse("--in-memory", "--ca-dir", dir.resolve("ca").toString(), "--https-port", "0",
				"--mqtt-port", "0", "--no-banner");
		assertThat(config.inMemory()).isTrue();

		try (IotHubEmulator hub = IotHubEmulator.start(config)) {
			assertThat(hub.caPemPath()).isEqualTo(dir.resolve("ca").resolve("ca.pem")).isRegularFile();
			assertThat(hub.trustStorePath()).isEqualTo(dir.resolve("ca").resolve("ca.p12")).isRegularFile();
		}
		assertThat(dir.resolve("ca").resolve("ca.pem")).as("kept after the emulator stops").isRegularFile();
	}

	@Test
	void optionsSetPortsHostsAliasesAndPolicyKeys() {
		EmulatorConfig config = parse("--in-memory", "--https-port", "18443", "--mqtt-port", "18883", "--host-name",
				"hub.localhost", "--host-alias", "a.local,b.local", "--policy-key",
				"iothubowner=ZmxlZXRqb2JzLWVtdWxhdG9yLXRlc3Qtb3duZXIta2V5IQ==", "--no-banner");

		assertThat(config.inMemory()).isTrue();
		assertThat(config.httpsPort()).isEqualTo(18443);
		assertThat(config.acceptedHostNames()).containsExactly("hub.localhost", "localhost", "127.0.0.1", "a.local",
				"b.local");
		assertThat(config.policies()).singleElement().satisfies((policy) -> {
			assertThat(policy.name()).isEqualTo("iothubowner");
			assertThat(policy.toString()).doesNotContain("ZmxlZXRqb2Jz");
		});
		assertThat(config.banner()).isFalse();
	}

	@Test
	void givenJobOptionsWhenParsedThenTierAdminPortRetentionAndRecordStyleAreSet() {
		EmulatorConfig defaults = parse();
		EmulatorConfig config = parse("--tier", "S2x3", "--admin-port", "18080", "--job-retention", "12h",
				"--job-max-in-flight", "64", "--device-job-records", "docs");

		assertThat(defaults.tier()).hasToString("unlimited");
		assertThat(defaults.adminPort()).isEqualTo(-1);
		assertThat(defaults.jobs().retention()).isEqualTo(java.time.Duration.ofDays(30));
		assertThat(config.tier()).hasToString("S2x3");
		assertThat(config.adminPort()).isEqualTo(18080);
		assertThat(config.jobs().retention()).isEqualTo(java.time.Duration.ofHours(12));
		assertThat(config.jobs().maxInFlight()).isEqualTo(64);
		assertThat(config.jobs().deviceRecords()).isEqualTo(dev.fleetjobs.emulator.jobs.DeviceRecordStyle.DOCS);
		assertThat(parse("--job-retention", "PT90S").jobs().retention()).isEqualTo(java.time.Duration.ofSeconds(90));
		assertThat(parse("--profile", "S1").tier()).hasToString("S1");
	}

	@Test
	void givenBadJobOptionsWhenParsedThenTheyAreRefusedWithTheOptionName() {
		assertThatThrownBy(() -> parse("--tier", "B2")).hasMessageContaining("--tier");
		assertThatThrownBy(() -> parse("--job-retention", "soon")).hasMessageContaining("--job-retention");
		assertThatThrownBy(() -> parse("--device-job-records", "xml")).hasMessageContaining("java-2.1.9 or docs");
	}

	@Test
	void refusesUnknownPoliciesAndBadPorts() {
		assertThatThrownBy(() -> parse("--policy-key", "owner=abc")).hasMessageContaining("Unknown built-in policy");
		assertThatThrownBy(() -> parse("--https-port", "70000")).hasMessageContaining("httpsPort");
	}

	private static EmulatorConfig parse(String... args) {
		EmulatorCommand command = new EmulatorCommand();
		new CommandLine(command).parseArgs(args);
		return command.config();
	}

}
