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
import dev.fleetjobs.e2e.support.HubAdmin;
import dev.fleetjobs.e2e.support.Jobs;
import dev.fleetjobs.launcher.demo.DemoJobs;
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
		HubAdmin admin = new HubAdmin(stack.settings());
		String run = "e2e-s1-" + Instant.now().toEpochMilli();
		admin.tier("S1");
		try (Jobs jobs = new Jobs(stack)) {
			List<String> jobIds = new ArrayList<>();
			for (int floor = 1; floor <= 3; floor++) {
				jobIds.add(jobs.submit(DemoJobs.lockDoor(run + "-" + floor, Map.of("building", 7, "floor", floor))));
			}

			List<JobProgress> finals = new ArrayList<>();
			for (String jobId : jobIds) {
				finals.add(jobs.awaitFinal(jobId, Duration.ofSeconds(120)));
			}

			assertThat(finals).allSatisfy((last) -> {
				assertThat(last.status()).isEqualTo(JobStatus.COMPLETED);
				assertThat(last.statistics().succeededCount()).isEqualTo(10);
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
