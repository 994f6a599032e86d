package dev.fleetjobs.e2e.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.e2e.support.E2eStack;
import dev.fleetjobs.e2e.support.Jobs;
import dev.fleetjobs.launcher.demo.DemoJobs;
import dev.fleetjobs.launcher.stack.EmulatorAdmin;
import dev.fleetjobs.launcher.stack.LocalStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On S1 the hub runs one job at a time. Three requests at once: the executor queues what
 * the hub refuses and submits it when the running job ends, so all three run, in turn.
 */
class ConcurrentJobLimitIT {

	@Test
	void givenAnS1Hub_whenThreeJobsAreRequestedAtOnce_thenTheyAreQueuedAndRunOneAfterTheOther() {
		LocalStack stack = E2eStack.get();
		EmulatorAdmin admin = new EmulatorAdmin(stack.settings());
		String run = "e2e-s1-" + Instant.now().toEpochMilli();
		admin.tier("S1");
		try (Jobs jobs = new Jobs(stack)) {
			List<String> jobIds = new ArrayList<>();
			// whole buildings (30 doors): at S1's 10 device operations/s each job runs
			// about 3 s,
			// so the next requests surely arrive while one is running
			for (int building = 7; building <= 9; building++) {
				jobIds.add(jobs.submit(DemoJobs.lockDoor(run + "-" + building, Map.of("building", building))));
			}

			List<JobProgress> finals = new ArrayList<>();
			for (String jobId : jobIds) {
				finals.add(jobs.awaitFinal(jobId, Duration.ofSeconds(120)));
			}

			assertThat(finals).allSatisfy((last) -> {
				assertThat(last.status()).isEqualTo(JobStatus.COMPLETED);
				assertThat(last.statistics().succeededCount()).isEqualTo(30);
			});
			List<JobProgress> byStart = finals.stream().sorted(Comparator.comparing(JobProgress::startTime)).toList();
			for (int i = 1; i < byStart.size(); i++) {
				assertThat(byStart.get(i).startTime()).as("a job started before the previous one ended")
					.isAfterOrEqualTo(byStart.get(i - 1).endTime());
			}
			assertThat(jobIds.stream().filter((jobId) -> jobs.lifecycle(jobId).contains("JobQueued")).count())
				.as("jobs the executor had to queue")
				.isGreaterThanOrEqualTo(1);
		}
		finally {
			admin.tier("unlimited");
		}
	}

}
