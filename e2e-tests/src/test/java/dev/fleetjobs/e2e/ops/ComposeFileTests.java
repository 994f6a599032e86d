package dev.fleetjobs.e2e.ops;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.fleetjobs.e2e.support.E2eStack;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker-compose.yml cannot run here (no Docker engine), so its wiring is checked by
 * reading it: every image is built by a Dockerfile that builds its module, Prometheus
 * scrapes every service on the port it listens on, Grafana gets its dashboard, and the
 * hub's CA reaches every service that talks to the hub. With docker-compose and promtool
 * installed, their own checks run too.
 */
@SuppressWarnings("unchecked")
class ComposeFileTests {

	private static final Path ROOT = E2eStack.projectRoot();

	private static final String SPRING_DOCKERFILE = "ops/docker/spring-service.Dockerfile";

	@Test
	void givenTheComposeFile_whenItsBuildsAreRead_thenEveryModuleImageIsBuiltFromItsModule() throws IOException {
		Map<String, Map<String, Object>> services = services();
		assertBuiltBy(services.get("iot-hub-emulator"), "iot-hub-emulator");
		for (String module : List.of("job-request-service", "job-executor-service", "job-status-service")) {
			assertBuiltBy(services.get(module), module);
		}
		assertBuiltBy(services.get("device-simulator-0"), "device-simulator");
		assertBuiltBy(services.get("device-simulator-1"), "device-simulator");
		assertThat(services).containsKeys("kafka", "prometheus", "grafana");
		assertThat(String.valueOf(services.get("kafka").get("image"))).startsWith("apache/kafka:");
	}

	@Test
	void givenPrometheusConfig_whenItsTargetsAreRead_thenEachNamesAComposeServiceOnTheActuatorPort()
			throws IOException {
		Map<String, Map<String, Object>> services = services();
		Map<String, Object> prometheus = yaml(ROOT.resolve("ops/prometheus/prometheus.yml"));
		List<String> targets = new ArrayList<>();
		for (Map<String, Object> job : list(prometheus.get("scrape_configs"))) {
			assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
			for (Map<String, Object> config : list(job.get("static_configs"))) {
				targets.addAll((List<String>) config.get("targets"));
			}
		}
		// the request and status services on their management ports (application.yml)
		assertThat(targets).containsExactlyInAnyOrder("job-request-service:8091", "job-executor-service:8082",
				"job-status-service:8093", "device-simulator-0:8084", "device-simulator-1:8084");
		for (String target : targets) {
			String service = target.substring(0, target.indexOf(':'));
			String port = target.substring(target.indexOf(':') + 1);
			assertThat(services).containsKey(service);
			assertThat((List<String>) services.get(service).get("ports")).anyMatch((p) -> p.endsWith(":" + port));
		}
	}

	@Test
	void givenTheApiServices_whenTheirImagesAreRead_thenHealthChecksUseTheManagementPortOfApplicationYml()
			throws IOException {
		for (String module : List.of("job-request-service", "job-status-service")) {
			Map<String, Object> application = yaml(ROOT.resolve(module).resolve("src/main/resources/application.yml"));
			Object port = ((Map<String, Object>) ((Map<String, Object>) application.get("management")).get("server"))
				.get("port");
			Map<String, Object> args = (Map<String, Object>) ((Map<String, Object>) services().get(module).get("build"))
				.get("args");
			assertThat(String.valueOf(args.get("HEALTH_PORT"))).as(module).isEqualTo(String.valueOf(port));
			assertThat(String.valueOf(args.get("PORTS")).split(" ")).as(module).contains(String.valueOf(port));
			assertThat((List<String>) services().get(module).get("ports")).as(module).contains(port + ":" + port);
		}
	}

	@Test
	void givenGrafana_whenItsVolumesAreRead_thenTheProvisionedDashboardFolderHoldsTheFleetJobsDashboard()
			throws IOException {
		List<String> volumes = (List<String>) services().get("grafana").get("volumes");
		Map<String, Object> provider = list(
				yaml(ROOT.resolve("ops/grafana/provisioning/dashboards/fleetjobs.yml")).get("providers"))
			.get(0);
		String path = String.valueOf(((Map<String, Object>) provider.get("options")).get("path"));

		assertThat(volumes).contains("./ops/grafana/dashboards:" + path + ":ro",
				"./ops/grafana/provisioning:/etc/grafana/provisioning:ro");
		assertThat(ROOT.resolve("ops/grafana/dashboards/fleetjobs.json")).isRegularFile();
	}

	@Test
	void givenTheServicesThatCallTheHub_whenTheirVolumesAreRead_thenTheEmulatorsCaIsMountedWhereTheirTrustStorePoints()
			throws IOException {
		Map<String, Map<String, Object>> services = services();
		assertThat((List<String>) services.get("iot-hub-emulator").get("volumes")).contains("hub-data:/data");
		for (String service : List.of("job-executor-service", "job-status-service")) {
			Map<String, Object> env = (Map<String, Object>) services.get(service).get("environment");
			assertThat(String.valueOf(env.get("FLEETJOBS_IOTHUB_TRUSTSTORE"))).isEqualTo("/hub/ca.p12");
			assertThat((List<String>) services.get(service).get("volumes")).contains("hub-data:/hub:ro");
		}
		Map<String, Object> simulatorEnv = (Map<String, Object>) services.get("device-simulator-1").get("environment");
		assertThat(simulatorEnv).containsEntry("FLEETJOBS_SIMULATOR_HUB_CACERTIFICATE", "/hub/ca.pem")
			.containsEntry("SHARD", "1/2");
	}

	@Test
	void givenDockerCompose_whenItValidatesTheFile_thenItAcceptsIt() throws Exception {
		assumeTrue(onPath("docker-compose"), "docker-compose is not installed (apt-get install docker-compose)");
		assertThat(run("docker-compose", "-f", ROOT.resolve("docker-compose.yml").toString(), "config", "-q")).isZero();
	}

	@Test
	void givenTheMultiBrokerProfile_whenRead_thenThreeBrokersOfOneQuorumServeTwoInstancesOfEachService()
			throws IOException {
		Map<String, Map<String, Object>> profile = (Map<String, Map<String, Object>>) yaml(
				ROOT.resolve("docker-compose.multi-broker.yml"))
			.get("services");
		List<String> brokers = List.of("kafka", "kafka-2", "kafka-3");
		for (int i = 0; i < brokers.size(); i++) {
			Map<String, Object> env = (Map<String, Object>) profile.get(brokers.get(i)).get("environment");
			assertThat(env).as(brokers.get(i))
				.containsEntry("KAFKA_NODE_ID", i + 1)
				.containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093")
				.containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", 3)
				.containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
				.containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", 2)
				.containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + brokers.get(i) + ":9092")
				.containsKey("CLUSTER_ID");
		}
		Map<String, Map<String, Object>> base = services();
		for (String service : List.of("job-request-service", "job-executor-service", "job-status-service")) {
			for (String instance : List.of(service, service + "-2")) {
				Map<String, Object> env = (Map<String, Object>) profile.get(instance).get("environment");
				assertThat(env).as(instance)
					.containsEntry("SPRING_KAFKA_BOOTSTRAPSERVERS", "kafka:9092,kafka-2:9092,kafka-3:9092")
					.containsEntry("FLEETJOBS_TOPICS_REPLICATIONFACTOR", 3);
			}
			assertBuiltBy(profile.get(service + "-2"), service);
			// the second instance has what the first has in docker-compose.yml, its own
			// id aside
			Map<String, Object> first = (Map<String, Object>) base.get(service).get("environment");
			Map<String, Object> second = (Map<String, Object>) profile.get(service + "-2").get("environment");
			assertThat(second.keySet()).as(service + "-2").containsAll(first.keySet());
			assertThat(profile.get(service + "-2").get("volumes")).isEqualTo(base.get(service).get("volumes"));
		}
		assertThat(((Map<String, Object>) profile.get("job-executor-service-2").get("environment"))
			.get("FLEETJOBS_INSTANCE_ID"))
			.isNotEqualTo(((Map<String, Object>) base.get("job-executor-service").get("environment"))
				.get("FLEETJOBS_INSTANCE_ID"));
		List<Object> hostPorts = new java.util.ArrayList<>();
		base.values().forEach((service) -> hostPorts.addAll(ports(service)));
		profile.entrySet()
			.stream()
			.filter((service) -> !base.containsKey(service.getKey()))
			.forEach((service) -> hostPorts.addAll(ports(service.getValue())));
		assertThat(hostPorts).doesNotHaveDuplicates();
	}

	@Test
	void givenDockerCompose_whenItMergesTheMultiBrokerProfile_thenItAcceptsIt() throws Exception {
		assumeTrue(onPath("docker-compose"), "docker-compose is not installed (apt-get install docker-compose)");
		assertThat(run("docker-compose", "-f", ROOT.resolve("docker-compose.yml").toString(), "-f",
				ROOT.resolve("docker-compose.multi-broker.yml").toString(), "config", "-q"))
			.isZero();
	}

	private static List<Object> ports(Map<String, Object> service) {
		Object ports = service.get("ports");
		return (ports != null)
				? ((List<Object>) ports).stream().map((port) -> (Object) String.valueOf(port).split(":")[0]).toList()
				: List.of();
	}

	@Test
	void givenPromtool_whenItChecksThePrometheusConfig_thenItAcceptsIt() throws Exception {
		assumeTrue(onPath("promtool"), "promtool is not installed (apt-get install prometheus)");
		assertThat(run("promtool", "check", "config", ROOT.resolve("ops/prometheus/prometheus.yml").toString()))
			.isZero();
	}

	private static void assertBuiltBy(Map<String, Object> service, String module) throws IOException {
		assertThat(service).as(module).isNotNull();
		Map<String, Object> build = (Map<String, Object>) service.get("build");
		assertThat(build.get("context")).isEqualTo(".");
		if (module.equals("iot-hub-emulator")) {
			assertThat(build.get("dockerfile")).isEqualTo(module + "/Dockerfile");
			assertThat(Files.readString(ROOT.resolve(module).resolve("Dockerfile")))
				.contains("-pl " + module + " -am package")
				.contains("FROM eclipse-temurin:17-jre");
			return;
		}
		// the Spring Boot modules share one Dockerfile, told the module by a build arg
		assertThat(build.get("dockerfile")).isEqualTo(SPRING_DOCKERFILE);
		assertThat((Map<String, Object>) build.get("args")).containsEntry("MODULE", module)
			.containsKeys("PORTS", "HEALTH_PORT");
		assertThat(Files.readString(ROOT.resolve(SPRING_DOCKERFILE))).contains("-pl ${MODULE} -am package")
			.contains("FROM eclipse-temurin:17-jre")
			.contains("EXPOSE ${PORTS}")
			.contains("/dev/tcp/127.0.0.1/$HEALTH_PORT ");
		assertThat(ROOT.resolve(module).resolve("pom.xml")).isRegularFile();
	}

	private static Map<String, Map<String, Object>> services() throws IOException {
		return (Map<String, Map<String, Object>>) yaml(ROOT.resolve("docker-compose.yml")).get("services");
	}

	private static Map<String, Object> yaml(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			return new Yaml().load(reader);
		}
	}

	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	private static boolean onPath(String program) throws Exception {
		return run("sh", "-c", "command -v " + program + " > /dev/null") == 0;
	}

	private static int run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).inheritIO().start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

}
