package dev.fleetjobs.e2e.support;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.TypeNames;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.rollout.RolloutEnded;
import dev.fleetjobs.launcher.demo.JobsApi;
import dev.fleetjobs.launcher.stack.LocalStack;

import static org.awaitility.Awaitility.await;

/**
 * What the tests see of jobs: submit and cancel over REST, and the progress events and
 * device results downstream consumers get from the topics.
 */
public final class Jobs implements AutoCloseable {

	private final JobsApi api;

	private final TopicTail progress;

	private final TopicTail results;

	private final TopicTail lifecycle;

	public Jobs(LocalStack stack) {
		String bootstrap = stack.settings().bootstrapServers();
		this.api = new JobsApi("http://localhost:" + stack.settings().ports().requestService(),
				stack.settings().apiKey());
		this.progress = new TopicTail(bootstrap, Topics.PROGRESS);
		this.results = new TopicTail(bootstrap, Topics.DEVICE_RESULTS);
		this.lifecycle = new TopicTail(bootstrap, Topics.LIFECYCLE);
	}

	public JobsApi api() {
		return this.api;
	}

	public String submit(Map<String, Object> request) {
		return this.api.submit(request);
	}

	/** Every progress event of the job, in sequence order. */
	public List<JobProgress> progress(String jobId) {
		return this.progress.matching((record) -> jobId.equals(record.key()) && record.value() != null)
			.stream()
			.map((record) -> record.as(JobProgress.class))
			.sorted(Comparator.comparingLong(JobProgress::sequence))
			.toList();
	}

	public Optional<JobProgress> latest(String jobId) {
		List<JobProgress> events = progress(jobId);
		return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
	}

	/**
	 * Waits for the job's final progress event, the one that says its results are out.
	 */
	public JobProgress awaitFinal(String jobId, Duration timeout) {
		await("final progress of " + jobId).atMost(timeout)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> latest(jobId).map(JobProgress::resultsComplete).orElse(false));
		return latest(jobId).orElseThrow();
	}

	/** Waits for a progress event of the job that matches. */
	public JobProgress awaitProgress(String jobId, Predicate<JobProgress> match, Duration timeout) {
		await("progress of " + jobId).atMost(timeout)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> progress(jobId).stream().anyMatch(match));
		return progress(jobId).stream().filter(match).findFirst().orElseThrow();
	}

	public List<DeviceResult> results(String jobId) {
		return this.results.matching((record) -> jobId.equals(record.key()))
			.stream()
			.map((record) -> record.as(DeviceResult.class))
			.filter((result) -> jobId.equals(result.jobId()))
			.toList();
	}

	/** Lifecycle event types of the job, in order. */
	public List<String> lifecycle(String jobId) {
		return this.lifecycle.matching((record) -> jobId.equals(record.key()))
			.stream()
			.map(TopicTail.Seen::type)
			.filter(Objects::nonNull)
			.collect(Collectors.toList());
	}

	/**
	 * The rollout's lifecycle events of one type, in order, once its {@code RolloutEnded}
	 * is seen (the lifecycle topic may be read later than the final progress).
	 */
	public <T> List<T> rolloutEvents(String jobId, Class<T> type) {
		await("RolloutEnded of " + jobId).atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !events(jobId, RolloutEnded.class).isEmpty());
		return events(jobId, type);
	}

	/** The job's lifecycle events of one type, in order. */
	public <T> List<T> events(String jobId, Class<T> type) {
		String name = TypeNames.of(type);
		return this.lifecycle.matching((record) -> jobId.equals(record.key()) && name.equals(record.type()))
			.stream()
			.map((record) -> record.as(type))
			.toList();
	}

	@Override
	public void close() {
		this.progress.close();
		this.results.close();
		this.lifecycle.close();
	}

}
