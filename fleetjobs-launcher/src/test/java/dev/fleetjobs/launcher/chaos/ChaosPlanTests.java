package dev.fleetjobs.launcher.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import dev.fleetjobs.launcher.stack.ModuleJars;
import dev.fleetjobs.launcher.stack.RunDirectory;
import dev.fleetjobs.launcher.stack.StackPorts;
import dev.fleetjobs.launcher.stack.StackSettings;
import dev.fleetjobs.launcher.stack.StackShape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosPlanTests {

	private static final StackSettings FLEET = new StackSettings(new RunDirectory(Path.of("target/none")),
			new ModuleJars(Path.of("")), StackPorts.DEFAULTS, 300, "light", 10, 3, "unlimited");

	@Test
	void givenTheRequestServicesDocumentedExample_whenTheJobIdIsDerived_thenItIsTheSameUuidVersion5() {
		assertThat(Chaos.jobIdOf("erp-4711")).isEqualTo("754026ad-0cc3-5a97-9a8f-0e35daa02ab1");
	}

	@Test
	void givenThreeHundredDevicesOnTenBuildingsOfThreeFloors_whenAFloorOrABuildingIsTargeted_thenTheFleetLayoutGivesTenOrThirty() {
		assertThat(WorkloadPlan.expectedDevices(FLEET, 7, 3)).isEqualTo(10);
		assertThat(WorkloadPlan.expectedDevices(FLEET, 7, null)).isEqualTo(30);
		StackSettings uneven = new StackSettings(FLEET.run(), FLEET.jars(), FLEET.ports(), 31, "light", 10, 3,
				"unlimited");
		assertThat(WorkloadPlan.expectedDevices(uneven, 1, 1)).isEqualTo(2);
		assertThat(WorkloadPlan.expectedDevices(uneven, 1, 2)).isEqualTo(1);
	}

	@Test
	void givenASeed_whenTheFaultsArePlanned_thenEveryKindAndTheS1BurstComeOnceInOrderOfTimeAndTheSameSeedReplaysThePlan() {
		ChaosOptions options = new ChaosOptions(42, 30, Duration.ofSeconds(150), ChaosOptions.allFaults(), 60);

		List<FaultPlan.Step> steps = FaultPlan.steps(options, new Random(42));

		assertThat(steps).hasSize(ChaosOptions.allFaults().size() + 1);
		assertThat(steps.stream().map(FaultPlan.Step::kind).filter(Objects::nonNull))
			.containsExactlyInAnyOrderElementsOf(ChaosOptions.allFaults());
		assertThat(steps).extracting(FaultPlan.Step::atNanos).isSorted();
		assertThat(steps.get(steps.size() - 1).atNanos()).isLessThan(options.duration().toNanos());
		assertThat(FaultPlan.steps(options, new Random(42))).isEqualTo(steps);
		assertThat(FaultPlan.steps(options, new Random(43))).isNotEqualTo(steps);
	}

	@Test
	void givenALongRun_whenTheFaultsArePlanned_thenKindsRepeatEveryThirtySecondsOrSo() {
		ChaosOptions options = new ChaosOptions(7, 100, Duration.ofMinutes(10), ChaosOptions.allFaults(), 120);

		List<FaultPlan.Step> steps = FaultPlan.steps(options, new Random(7));

		assertThat(steps).hasSize(20);
		for (FaultKind kind : ChaosOptions.allFaults()) {
			assertThat(steps.stream().filter((step) -> step.kind() == kind).count()).as(kind.label())
				.isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void givenTheRunsShape_whenEveryFaultIsAskedFor_thenOneBrokerIsRestartedAndAQuorumLosesOneBrokerToAKill() {
		assertThat(ChaosOptions.allFaults()).contains(FaultKind.KAFKA_RESTART).doesNotContain(FaultKind.KILL_BROKER);
		assertThat(ChaosOptions.allFaults(new StackShape(3, 2, 0))).contains(FaultKind.KILL_BROKER)
			.doesNotContain(FaultKind.KAFKA_RESTART)
			.hasSize(FaultKind.values().length - 1);
		assertThat(FaultKind.KILL_BROKER.process()).isEqualTo("kafka-2");
	}

	@Test
	void givenASeed_whenTheWorkloadIsPlanned_thenBothTypesBothChannelsABurstAndInvalidRequestsAreInIt() {
		ChaosOptions options = new ChaosOptions(5, 40, Duration.ofSeconds(60), ChaosOptions.allFaults(), 60);

		List<PlannedJob> plan = WorkloadPlan.plan(options, FLEET, new Random(5));

		List<PlannedJob> valid = plan.stream().filter(PlannedJob::valid).toList();
		assertThat(valid).hasSize(40);
		assertThat(valid).extracting(PlannedJob::type).contains("lockDoor", "twin");
		assertThat(valid).extracting(PlannedJob::channel).contains("rest", "kafka");
		assertThat(valid.stream().filter(PlannedJob::burst)).hasSize(4);
		assertThat(valid).allMatch((job) -> job.expectedDevices() == 10 || job.expectedDevices() == 30);
		assertThat(plan.stream().filter((job) -> !job.valid())).hasSize(2)
			.extracting(PlannedJob::channel)
			.containsExactlyInAnyOrder("rest", "kafka");
		assertThat(plan).extracting(PlannedJob::requestId).doesNotHaveDuplicates();
	}

}
