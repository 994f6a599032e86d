package dev.fleetjobs.e2e.chaos;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import dev.fleetjobs.launcher.chaos.ChaosOptions;
import dev.fleetjobs.launcher.chaos.ChaosReport;
import dev.fleetjobs.launcher.chaos.ChaosScenario;
import dev.fleetjobs.launcher.chaos.FaultKind;
import dev.fleetjobs.launcher.stack.LocalStack;
import dev.fleetjobs.launcher.stack.StackSettings;
import dev.fleetjobs.launcher.stack.StackShape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaled-out shape under faults: three Kafka brokers (replication factor 3,
 * min.insync.replicas 2) and two instances of each service, while jobs arrive over REST
 * (spread over both request services) and Kafka; a broker and one instance of each
 * service are killed with {@code kill -9} mid-stream (and restarted). Every accepted job
 * must reach its final event once, with no hub job created twice. Its own system (ports:
 * the e2e offset + 4000, folder {@code target/multi-broker-run-<offset>}).
 */
class MultiBrokerChaosIT {

	static {
		System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
	}

	private static final Set<FaultKind> FAULTS = EnumSet.of(FaultKind.KILL_BROKER, FaultKind.KILL_REQUEST,
			FaultKind.KILL_EXECUTOR, FaultKind.KILL_STATUS);

	@Test
	void givenThreeBrokersAndTwoInstancesOfEachService_whenABrokerAndOneInstanceOfEachAreKilledMidStream_thenNoJobIsLostOrDoubled() {
		StackSettings settings = ChaosRuns.prepare("multi-broker-run", 4000, 200, 10, 2).with(new StackShape(3, 2, 0));
		long seed = Long.getLong("fleetjobs.chaos.seed", java.time.LocalDate.now().getDayOfYear());
		ChaosOptions options = new ChaosOptions(seed, 20, Duration.ofSeconds(80), FAULTS, 60);

		ChaosReport report;
		try (LocalStack stack = new LocalStack(settings)) {
			stack.start((line) -> System.out.println("[multi-broker] " + line));
			assertThat(stack.processes()).extracting((process) -> process.name())
				.contains("kafka-1", "kafka-2", "kafka-3", "job-request-service-2", "job-executor-service-2",
						"job-status-service-2");
			report = new ChaosScenario(stack, options, (line) -> System.out.println("[multi-broker] " + line)).run();
		}
		report.print((line) -> System.out.println("[multi-broker] " + line));

		assertThat(report.faults().keySet()).as("every fault kind injected").containsAll(FAULTS);
		assertThat(report.accepted()).as("accepted jobs").isEqualTo(20);
		assertThat(report.invariants()).hasSize(7).allMatch((invariant) -> invariant.checked() > 0);
		assertThat(report.invariants().stream().flatMap((invariant) -> invariant.violations().stream()))
			.as(report.summary())
			.isEmpty();
		assertThat(report.summary()).startsWith("CHAOS PASSED seed=" + seed);
	}

}
