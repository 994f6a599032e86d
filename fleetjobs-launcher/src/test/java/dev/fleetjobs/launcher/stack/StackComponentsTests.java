package dev.fleetjobs.launcher.stack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StackComponentsTests {

	@TempDir
	Path project;

	StackSettings settings;

	@BeforeEach
	void fakeBuiltProject() throws IOException {
		for (String jar : List.of("iot-hub-emulator/target/iot-hub-emulator-0.1.0-SNAPSHOT.jar",
				"iot-hub-emulator/target/iot-hub-emulator-0.1.0-SNAPSHOT-exec.jar",
				"job-request-service/target/job-request-service-0.1.0-SNAPSHOT.jar",
				"job-request-service/target/job-request-service-0.1.0-SNAPSHOT.jar.original",
				"job-executor-service/target/job-executor-service-0.1.0-SNAPSHOT.jar",
				"job-status-service/target/job-status-service-0.1.0-SNAPSHOT.jar",
				"device-simulator/target/device-simulator-0.1.0-SNAPSHOT.jar")) {
			Files.createDirectories(this.project.resolve(jar).getParent());
			Files.writeString(this.project.resolve(jar), "jar");
		}
		Files.createDirectories(this.project.resolve("fleetjobs-launcher/target/lib"));
		this.settings = new StackSettings(new RunDirectory(this.project.resolve("run")), new ModuleJars(this.project),
				StackPorts.DEFAULTS, 1000, "light", 50, 4, "unlimited");
	}

	@Test
	void givenAStack_whenItsProcessesAreDefined_thenNoSecretIsOnACommandLineWhereEveryUserCanSeeIt() {
		StackComponents components = new StackComponents(this.settings);
		String key = this.settings.hubOwnerKey();
		String apiKey = this.settings.apiKey();

		for (ManagedProcess process : List.of(components.emulator(), components.requestService(),
				components.executorService(), components.statusService(), components.simulator())) {
			assertThat(String.join(" ", process.command())).doesNotContain(key).doesNotContain(apiKey);
		}
		assertThat(components.executorService().environment()).containsEntry("FLEETJOBS_IOTHUB_CONNECTIONSTRING",
				"HostName=localhost;SharedAccessKeyName=iothubowner;SharedAccessKey=" + key);
		assertThat(components.requestService().environment()).containsEntry("FLEETJOBS_SECURITY_APIKEYS_0_HASH",
				StackComponents.sha256(apiKey));
	}

	@Test
	void givenThreeBrokersAndTwoInstances_whenTheStackIsDefined_thenEveryClientKnowsEveryBrokerAndInstancesDoNotCollide()
			throws IOException {
		StackSettings scaled = this.settings.with(new StackShape(3, 2, 0));
		StackComponents components = new StackComponents(scaled);

		List<KafkaBroker> brokers = components.brokers();
		assertThat(brokers).extracting(KafkaBroker::name).containsExactly("kafka-1", "kafka-2", "kafka-3");
		assertThat(brokers).extracting(KafkaBroker::bootstrapServers)
			.containsExactly("localhost:9092", "localhost:9094", "localhost:9096");
		assertThat(scaled.bootstrapServers()).isEqualTo("localhost:9092,localhost:9094,localhost:9096");
		List<ManagedProcess> services = components.services();
		assertThat(services).extracting(ManagedProcess::name)
			.containsExactly("job-request-service", "job-executor-service", "job-status-service",
					"job-request-service-2", "job-executor-service-2", "job-status-service-2");
		for (ManagedProcess service : services) {
			assertThat(service.environment()).as(service.name())
				.containsEntry("SPRING_KAFKA_BOOTSTRAPSERVERS", scaled.bootstrapServers())
				.containsEntry("FLEETJOBS_TOPICS_REPLICATIONFACTOR", "3");
		}
		assertThat(services).extracting((service) -> service.environment().get("SERVER_PORT"))
			.containsExactly("8081", "8082", "8083", "8181", "8182", "8183");
		assertThat(services.get(4).environment()).containsEntry("FLEETJOBS_INSTANCE_ID", "local-2");
		assertThat(services.get(5).environment()).containsEntry("MANAGEMENT_SERVER_PORT", "8193");

		String config = brokerConfig(brokers.get(1), scaled.run().data("kafka-2").resolve("server.properties"));
		assertThat(config).contains("node.id=2",
				"controller.quorum.voters=1@localhost:9093,2@localhost:9095,3@localhost:9097",
				"listeners=PLAINTEXT://localhost:9094,CONTROLLER://localhost:9095", "default.replication.factor=3",
				"min.insync.replicas=2", "transaction.state.log.min.isr=2");
	}

	@Test
	void givenARegistrationOnlyFleet_whenTheStackIsDefined_thenShardsRegisterSideBySideAndConnectNothing() {
		StackSettings scale = new StackSettings(this.settings.run(), this.settings.jars(), this.settings.ports(),
				1_000_000, "light", 500, 20, "unlimited", true, StackShape.SINGLE.withRegistrationShards(4));
		StackComponents components = new StackComponents(scale);

		List<ManagedProcess> fleet = components.fleet();

		assertThat(fleet).extracting(ManagedProcess::name)
			.containsExactly("device-simulator-1", "device-simulator-2", "device-simulator-3", "device-simulator-4");
		assertThat(fleet).extracting((shard) -> shard.environment().get("FLEETJOBS_SIMULATOR_FLEET_SHARD"))
			.containsExactly("0/4", "1/4", "2/4", "3/4");
		assertThat(fleet).allSatisfy(
				(shard) -> assertThat(shard.environment()).containsEntry("FLEETJOBS_SIMULATOR_ENGINE_CONNECT", "false")
					.containsEntry("FLEETJOBS_SIMULATOR_FLEET_COUNT", "1000000"));
		assertThat(components.emulator().command()).contains("-Xmx8000m");
		assertThat(new StackComponents(this.settings).emulator().command()).contains("-Xmx1024m");
	}

	private static String brokerConfig(KafkaBroker broker, Path config) throws IOException {
		try {
			broker.prepare();
		}
		catch (IllegalStateException ex) {
			// formatting needs the Kafka jars, which this fake project has not; the
			// configuration is written before
		}
		return Files.readString(config);
	}

	@Test
	void givenTheApiServices_whenTheyAreDefined_thenHealthAndMetricsAreOnAManagementPortOfTheirOwn() {
		StackComponents components = new StackComponents(this.settings);

		assertThat(components.requestService().environment()).containsEntry("SERVER_PORT", "8081")
			.containsEntry("MANAGEMENT_SERVER_PORT", "8091");
		assertThat(components.statusService().environment()).containsEntry("SERVER_PORT", "8083")
			.containsEntry("MANAGEMENT_SERVER_PORT", "8093");
		assertThat(components.executorService().environment()).doesNotContainKey("MANAGEMENT_SERVER_PORT");
		assertThat(StackPorts.DEFAULTS.actuatorPorts()).containsExactly(8091, 8082, 8093, 8084);
		assertThat(StackPorts.DEFAULTS.all()).doesNotHaveDuplicates().hasSize(11);
	}

	@Test
	void givenTheEmulator_whenTheStatusServiceIsDefined_thenItReadsDeviceRecordsInTheEmulatorsLargestPages() {
		assertThat(new StackComponents(this.settings).statusService().environment())
			.containsEntry("FLEETJOBS_RESULTS_PAGESIZE", "10000");
	}

	@Test
	void givenAnInMemoryHub_whenTheEmulatorIsDefined_thenItKeepsOnlyItsCaInTheDataFolder() {
		StackSettings inMemory = new StackSettings(this.settings.run(), this.settings.jars(), this.settings.ports(),
				1000, "light", 50, 4, "unlimited", true);
		String dataFolder = new StackComponents(inMemory).emulatorData().toString();

		List<String> onDisk = new StackComponents(this.settings).emulator().command();
		List<String> memory = new StackComponents(inMemory).emulator().command();

		assertThat(onDisk).doesNotContain("--in-memory").containsSequence("--data-dir", dataFolder);
		assertThat(memory).contains("--in-memory").containsSequence("--ca-dir", dataFolder);
	}

	@Test
	void givenAModuleFolder_whenItsJarIsLookedUp_thenTheRunnableJarIsChosenNotTheExecOrOriginalOne() {
		ModuleJars jars = new ModuleJars(this.project);

		assertThat(jars.serviceJar("job-request-service").getFileName())
			.hasToString("job-request-service-0.1.0-SNAPSHOT.jar");
		assertThat(jars.serviceJar("job-executor-service").getFileName())
			.hasToString("job-executor-service-0.1.0-SNAPSHOT.jar");
		assertThat(jars.emulatorJar().getFileName()).hasToString("iot-hub-emulator-0.1.0-SNAPSHOT-exec.jar");
		assertThat(jars.kafkaClasspath()).endsWith("fleetjobs-launcher/target/lib/*");
	}

	@Test
	void givenAModuleThatWasNeverBuilt_whenItsJarIsLookedUp_thenTheErrorSaysHowToBuildIt() {
		ModuleJars jars = new ModuleJars(this.project.resolve("elsewhere"));

		assertThatIllegalStateException().isThrownBy(() -> jars.serviceJar("job-status-service"))
			.withMessageContaining("./mvnw -pl job-status-service -am package -DskipTests");
	}

	@Test
	void givenARunFolder_whenSecretsAreReadTwice_thenTheyStayTheSameAndOnlyTheOwnerCanReadThem() throws IOException {
		String first = this.settings.apiKey();
		StackSettings again = new StackSettings(new RunDirectory(this.project.resolve("run")),
				new ModuleJars(this.project), StackPorts.DEFAULTS, 1000, "light", 50, 4, "unlimited");

		assertThat(again.apiKey()).isEqualTo(first).startsWith("fj_").doesNotContain("+", "/", "=");
		assertThat(Files.getPosixFilePermissions(this.project.resolve("run/secrets.properties")))
			.extracting(Object::toString)
			.containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
	}

	@Test
	void givenAFreshRunFolder_whenTheApiKeyIsMade_thenSecretsPropertiesHoldsExactlyTheKeyThatIsPrinted()
			throws IOException {
		String apiKey = this.settings.apiKey();

		assertThat(apiKey).matches("fj_[A-Za-z0-9_-]{43}");
		assertThat(storedSecrets().getProperty("api.key")).isEqualTo(apiKey);
	}

	@Test
	void givenARunFolderFromBeforeTheFix_whenTheApiKeyIsRead_thenTheKeyThatWorkedStaysAndTheFileNowHoldsIt()
			throws IOException {
		Files.createDirectories(this.project.resolve("run"));
		Files.writeString(this.project.resolve("run/secrets.properties"),
				"api.key=ab+/cd+/ef\\=\\=\nhub.iothubowner.key=a2V5\n");

		String apiKey = this.settings.apiKey();

		assertThat(apiKey).isEqualTo("fj_ab-_cd-_ef");
		assertThat(storedSecrets().getProperty("api.key")).isEqualTo("fj_ab-_cd-_ef");
		assertThat(storedSecrets().getProperty("hub.iothubowner.key")).isEqualTo("a2V5");
		assertThat(this.settings.hubOwnerKey()).isEqualTo("a2V5");
	}

	private Properties storedSecrets() throws IOException {
		Properties secrets = new Properties();
		try (Reader reader = Files.newBufferedReader(this.project.resolve("run/secrets.properties"))) {
			secrets.load(reader);
		}
		return secrets;
	}

	@Test
	void givenPortOffset_whenApplied_thenEveryPortMovesByIt() {
		StackPorts moved = StackPorts.DEFAULTS.offset(10000);

		assertThat(moved.kafka()).isEqualTo(19092);
		assertThat(moved.emulatorHttps()).isEqualTo(18443);
		assertThat(moved.simulator()).isEqualTo(18084);
		assertThat(moved.requestManagement()).isEqualTo(18091);
		assertThat(moved.statusManagement()).isEqualTo(18093);
	}

}
