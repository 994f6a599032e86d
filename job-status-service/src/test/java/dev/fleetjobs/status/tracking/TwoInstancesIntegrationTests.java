package dev.fleetjobs.status.tracking;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.status.testsupport.ExecutorEvents;
import dev.fleetjobs.status.testsupport.Fleet;
import dev.fleetjobs.status.testsupport.ServiceInstance;
import dev.fleetjobs.status.testsupport.StatusIntegrationTest;
import dev.fleetjobs.status.testsupport.TestHub;
import dev.fleetjobs.status.testsupport.TopicRecorder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances in one consumer group: the lifecycle partitions, and so the jobs, are
 * split between them; when one stops, the other rebuilds its jobs from the progress topic
 * and finishes them, continuing their sequences, with every device result published once.
 */
@StatusIntegrationTest
class TwoInstancesIntegrationTests {

	private static final int PARTITIONS = 3;

	@Autowired
	private TopicRecorder topics;

	@Autowired
	private TrackingService first;

	@Value("${spring.embedded.kafka.brokers}")
	private String brokers;

	@Test
	void givenTwoInstances_whenJobsArrive_thenTheySplitThem_andWhenOneStopsTheOtherFinishesItsJobs() {
		TestHub hub = TestHub.get();
		List<String> healthy = IntStream.range(0, TestHub.DEVICES)
			.filter((index) -> Fleet.role(index) == Fleet.Role.HEALTHY)
			.mapToObj((index) -> hub.fleet().ids().get(index))
			.toList();
		Map<String, List<String>> jobs = jobsOnEveryPartition(healthy);
		Set<String> takenOver;

		try (ServiceInstance second = ServiceInstance.start(this.brokers)) {
			TrackingService secondTracking = second.bean(TrackingService.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> !this.first.ownedPartitions().isEmpty() && !secondTracking.ownedPartitions().isEmpty()
						&& this.first.ownedPartitions().size() + secondTracking.ownedPartitions().size() == PARTITIONS);
			jobs.forEach((jobId, devices) -> hub.lockDoor(jobId, devices, Duration.ofSeconds(6)));
			jobs.keySet()
				.forEach((jobId) -> this.topics.publish(jobId, ExecutorEvents.submitted(jobId, "deviceId IN [...]")));

			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				Set<String> mine = this.first.trackedJobIds();
				Set<String> theirs = secondTracking.trackedJobIds();
				assertThat(mine).doesNotContainAnyElementsOf(theirs);
				Set<String> both = new HashSet<>(mine);
				both.addAll(theirs);
				assertThat(both).containsExactlyInAnyOrderElementsOf(jobs.keySet());
				assertThat(mine).isNotEmpty();
				assertThat(theirs).isNotEmpty();
			});
			takenOver = secondTracking.trackedJobIds();
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> this.first.trackedJobIds().containsAll(takenOver));
		for (Map.Entry<String, List<String>> job : jobs.entrySet()) {
			JobProgress done = this.topics.awaitFinal(job.getKey(), Duration.ofSeconds(60));
			assertThat(done.deviceResultCount()).isEqualTo(job.getValue().size());
			List<JobProgress> progress = this.topics.progress(job.getKey());
			assertThat(progress).extracting(JobProgress::sequence)
				.containsExactlyElementsOf(LongStream.rangeClosed(1, progress.size()).boxed().toList());
			assertThat(this.topics.results(job.getKey())).extracting(DeviceResult::deviceId)
				.containsExactlyInAnyOrderElementsOf(job.getValue());
		}
	}

	/** One job per lifecycle partition, on ten healthy devices each. */
	private static Map<String, List<String>> jobsOnEveryPartition(List<String> healthy) {
		Map<String, List<String>> jobs = new LinkedHashMap<>();
		int[] perPartition = new int[PARTITIONS];
		while (jobs.size() < PARTITIONS) {
			String jobId = "pair-" + UUID.randomUUID();
			int partition = Partitions.of(jobId, PARTITIONS);
			if (perPartition[partition] < 1) {
				perPartition[partition]++;
				int from = 100 + jobs.size() * 10;
				jobs.put(jobId, healthy.subList(from, from + 10));
			}
		}
		return jobs;
	}

}
