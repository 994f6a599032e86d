package dev.fleetjobs.e2e.chaos;

import java.time.Duration;

import dev.fleetjobs.launcher.chaos.ChaosOptions;
import dev.fleetjobs.launcher.chaos.ChaosReport;
import dev.fleetjobs.launcher.chaos.ChaosScenario;
import dev.fleetjobs.launcher.stack.LocalStack;
import dev.fleetjobs.launcher.stack.StackSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos scenario in its bounded form: about 30 jobs over REST and Kafka while every
 * fault kind hits the running system at least once, then every invariant. It kills
 * processes, so it runs its own system (ports: the e2e offset + 2000, folder
 * {@code target/chaos-run-<offset>}), never the shared {@code E2eStack}. The seed is
 * {@code -Dfleetjobs.chaos.seed} or the day of the year, and is printed.
 */
class ChaosIT {

	static {
		// The scenario's own clients reconnect through every broker restart: keep their
		// INFO chatter out of the report (when this is the JVM's first test).
		System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
	}

	@Test
	void givenTheWholeSystemUnderEveryKindOfFault_whenThirtyJobsRun_thenNothingAcceptedIsLostOrDoubledAndEveryInvariantHolds() {
		// + 2000, not + 1000: the status service's management port 8093 + 1000 is the
		// broker's controller port 9093
		StackSettings settings = ChaosRuns.prepare("chaos-run", 2000, 300, 10, 3);
		long seed = Long.getLong("fleetjobs.chaos.seed", java.time.LocalDate.now().getDayOfYear());
		ChaosOptions options = new ChaosOptions(seed, 30, Duration.ofSeconds(120), ChaosOptions.allFaults(), 60);

		ChaosReport report;
		try (LocalStack stack = new LocalStack(settings)) {
			stack.start((line) -> System.out.println("[chaos] " + line));
			report = new ChaosScenario(stack, options, (line) -> System.out.println("[chaos] " + line)).run();
		}
		report.print((line) -> System.out.println("[chaos] " + line));

		assertThat(report.faults().keySet()).as("every fault kind injected").containsAll(ChaosOptions.allFaults());
		assertThat(report.faults().values()).allMatch((count) -> count >= 1);
		assertThat(report.accepted()).as("accepted jobs").isEqualTo(30);
		assertThat(report.refused()).as("invalid requests refused").isGreaterThanOrEqualTo(2);
		assertThat(report.invariants()).hasSize(7).allMatch((invariant) -> invariant.checked() > 0);
		assertThat(report.invariants().stream().flatMap((invariant) -> invariant.violations().stream()))
			.as(report.summary())
			.isEmpty();
		assertThat(report.summary()).startsWith("CHAOS PASSED seed=" + seed);
	}

}
