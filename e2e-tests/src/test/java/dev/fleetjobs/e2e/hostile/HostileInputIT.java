package dev.fleetjobs.e2e.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.e2e.support.E2eStack;
import dev.fleetjobs.e2e.support.Jobs;
import dev.fleetjobs.e2e.support.TopicTail;
import dev.fleetjobs.launcher.demo.DemoJobs;
import dev.fleetjobs.launcher.stack.LocalStack;
import dev.fleetjobs.launcher.stack.StackPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * More than 30 kinds of bad and hostile input, over REST (job-request-service and
 * job-status-service's read API) and Kafka (the ingress topic, and forged records on the
 * commands and lifecycle topics), against the whole system as processes. Each gets a
 * clear refusal with its reason; afterwards every service is still ready, none of the bad
 * requests became a command, and a valid job still completes. The table of cases and
 * refusals is printed at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

	private static final String RUN = "hostile-" + Instant.now().toEpochMilli();

	private static final List<String> TABLE = new ArrayList<>();

	private static LocalStack stack;

	private static SecondRequestService jwtService;

	private static KafkaProbe kafka;

	@BeforeAll
	static void startTheSystem() {
		stack = E2eStack.get();
		// Started first: it gets ready while the cases that do not need it run.
		jwtService();
		kafka();
	}

	@AfterAll
	static void printTheTableAndStop() {
		System.out.println("| # | channel | bad input | refusal |\n| --- | --- | --- | --- |");
		for (int i = 0; i < TABLE.size(); i++) {
			System.out.println("| " + (i + 1) + " | " + TABLE.get(i) + " |");
		}
		if (kafka != null) {
			kafka.close();
		}
		if (jwtService != null) {
			jwtService.close();
		}
	}

	static Stream<HostileCase> hostileInputs() {
		LocalStack system = E2eStack.get();
		StackPorts ports = system.settings().ports();
		RestProbe rest = new RestProbe();
		List<HostileCase> cases = new ArrayList<>(new SubmitCases(rest,
				"http://localhost:" + ports.requestService() + "/api/jobs", system.settings().apiKey(), RUN)
			.all());
		cases.addAll(new KafkaCases(kafka(), RUN).all());
		cases.addAll(new CredentialAndReadCases(rest, "http://localhost:" + ports.statusService() + "/api/jobs",
				system.settings().apiKey(), jwtService())
			.all());
		return cases.stream();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("hostileInputs")
	@Order(1)
	void givenBadOrHostileInput_whenItReachesTheSystem_thenItIsRefusedWithItsReason(HostileCase input)
			throws Exception {
		String refusal = input.attempt().call();

		assertThat(refusal).isNotBlank();
		TABLE.add(input.channel() + " | " + input.name().replace("|", "\\|") + " | "
				+ refusal.replace("|", "\\|").replace("\n", " "));
	}

	@Test
	@Order(2)
	void givenAllThatBadInput_whenItIsOver_thenEveryServiceIsReadyNothingBadBecameACommandAndAValidJobCompletes() {
		RestProbe rest = new RestProbe();
		StackPorts ports = stack.settings().ports();
		for (int port : List.of(ports.requestManagement(), ports.executorService(), ports.statusManagement())) {
			RestProbe.Answer readiness = rest.send("GET", "http://localhost:" + port + "/actuator/health/readiness",
					Map.of(), null);
			assertThat(readiness.status()).as("readiness of the service on port %d", port).isEqualTo(200);
		}
		stack.processes()
			.forEach((process) -> assertThat(process.isAlive()).as("%s is alive", process.name()).isTrue());
		try (TopicTail commands = new TopicTail(bootstrap(), Topics.COMMANDS); Jobs jobs = new Jobs(stack)) {
			String jobId = jobs.submit(DemoJobs.lockDoor("ok-" + RUN, Map.of("building", 4, "floor", 2)));

			JobProgress last = jobs.awaitFinal(jobId, Duration.ofSeconds(90));

			assertThat(last.status()).isEqualTo(JobStatus.COMPLETED);
			assertThat(last.statistics().succeededCount())
				.isEqualTo(E2eStack.DEVICES / (E2eStack.BUILDINGS * E2eStack.FLOORS));
			await("the valid job's command").atMost(Duration.ofSeconds(10))
				.until(() -> commands.poll().stream().anyMatch((seen) -> jobId.equals(seen.key())));
			commands.poll();
			assertThat(commands.poll()).filteredOn((seen) -> seen.headers().get(KafkaProbe.CASE_HEADER) == null)
				.as("commands made from the bad requests")
				.noneMatch((seen) -> seen.text() != null && seen.text().contains("\"requestId\":\"" + RUN + "-"));
		}
	}

	@Test
	@Order(3)
	void givenTheCredentialsTheCasesSent_whenTheLogsAreSearched_thenNoneOfThemIsThere() throws IOException {
		List<String> credentials = List.of(jwtService().jwtSecret(), jwtService().readOnlyKey(),
				// the start of every HS256 or unsigned token the cases sent
				"eyJhbGciOiJIUzI1NiJ9", "eyJhbGciOiJub25lIn0");
		try (Stream<Path> logs = Files.list(stack.settings().run().root().resolve("logs"))) {
			for (Path log : logs.toList()) {
				String text = Files.readString(log, StandardCharsets.ISO_8859_1);
				assertThat(credentials).as("credentials in %s", log.getFileName())
					.noneMatch((credential) -> text.contains(credential));
			}
		}
	}

	private static KafkaProbe kafka() {
		if (kafka == null) {
			kafka = new KafkaProbe(bootstrap());
		}
		return kafka;
	}

	private static SecondRequestService jwtService() {
		if (jwtService == null) {
			jwtService = new SecondRequestService(E2eStack.get()).start();
		}
		return jwtService;
	}

	private static String bootstrap() {
		return E2eStack.get().settings().bootstrapServers();
	}

}
