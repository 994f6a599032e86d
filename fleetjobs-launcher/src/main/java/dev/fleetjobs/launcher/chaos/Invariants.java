package dev.fleetjobs.launcher.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import tools.jackson.databind.JsonNode;

/**
 * The promises checked after a run, from the topics (committed records, as downstream
 * reads them) and the hub's state only, never from logs.
 */
final class Invariants {

	/**
	 * Hub calls (job create/get/cancel/list and device queries) a job may cost besides
	 * its polls: the create and its retries through storms and restarts, the results
	 * pages, a re-read after a restart.
	 */
	static final long CALLS_PER_JOB = 20;

	/**
	 * Polls a second a job may cost while it is open: job-status-service polls a young
	 * job every 0.5 s (its cadence), so 2 a second is the most a healthy run makes.
	 */
	static final long CALLS_PER_OPEN_SECOND = 2;

	private final Observed observed;

	private String callsSummary = "";

	Invariants(Observed observed) {
		this.observed = observed;
	}

	List<Invariant> check(List<Submission> submissions, List<JsonNode> hubJobs, long jobCalls, Instant now) {
		List<Submission> accepted = submissions.stream().filter(this.observed::accepted).toList();
		Map<String, Long> hubJobCount = hubJobs.stream()
			.collect(Collectors.groupingBy((job) -> job.path("jobId").asString(), Collectors.counting()));
		Set<String> acceptedIds = new HashSet<>();
		accepted.forEach((s) -> acceptedIds.add(s.job().jobId()));

		Invariant oneHubJob = new Invariant(
				"every accepted request has exactly one hub job (and the hub has no other)");
		Invariant oneSubmitted = new Invariant("every accepted request has exactly one committed JobSubmitted");
		Invariant oneFinal = new Invariant(
				"every accepted request has exactly one final progress event (resultsComplete), one terminal status, strictly increasing sequences");
		Invariant results = new Invariant(
				"device results complete: one per targeted device, no duplicates, count = deviceCount = the fleet's count");
		Invariant reasons = new Invariant("every rejected request has an error code and a reason");
		Invariant deadline = new Invariant(
				"no job non-terminal past its maxExecutionTime + " + ChaosOptions.TERMINAL_MARGIN.toSeconds() + " s");
		Invariant calls = new Invariant("no hot loop: hub calls <= " + CALLS_PER_JOB + " per job + "
				+ CALLS_PER_OPEN_SECOND + " per second each job was open (acknowledged to final event)");
		double openSeconds = 0;

		for (Submission submission : submissions) {
			PlannedJob job = submission.job();
			String jobId = job.jobId();
			if (!job.valid()) {
				reasons.check(this.observed.hasReason(submission),
						job.channel() + " request " + job.requestId()
								+ " was refused without an error code and reason: "
								+ this.observed.describeRefusal(submission));
				oneHubJob.check(!hubJobCount.containsKey(jobId),
						"invalid request " + job.requestId() + " has a hub job");
				continue;
			}
			if (!this.observed.accepted(submission)) {
				oneHubJob.check(false, "valid " + job.channel() + " request " + job.requestId() + " was refused: "
						+ this.observed.describeRefusal(submission));
				continue;
			}
			oneHubJob.check(hubJobCount.getOrDefault(jobId, 0L) == 1,
					job.requestId() + " (job " + jobId + ") has " + hubJobCount.getOrDefault(jobId, 0L) + " hub jobs");
			List<String> types = this.observed.lifecycle.getOrDefault(jobId, List.of());
			oneSubmitted.check(types.stream().filter("JobSubmitted"::equals).count() == 1,
					"job " + jobId + " lifecycle " + types);
			for (JsonNode event : this.observed.lifecycleBodies.getOrDefault(jobId, List.of())) {
				if (event.has("errorCode")) {
					reasons.check(
							!event.path("errorCode").asString("").isBlank()
									&& !event.path("reason").asString("").isBlank(),
							"lifecycle of " + jobId + ": " + event);
				}
			}
			List<JobProgress> events = this.observed.progress.getOrDefault(jobId, List.of());
			List<JobProgress> finals = events.stream().filter(JobProgress::resultsComplete).toList();
			Set<Long> sequences = events.stream().map(JobProgress::sequence).collect(Collectors.toSet());
			long terminalStatuses = events.stream()
				.filter((e) -> e.status().isTerminal())
				.map(JobProgress::status)
				.distinct()
				.count();
			oneFinal.check(finals.size() == 1 && sequences.size() == events.size() && terminalStatuses == 1,
					"job " + jobId + ": " + finals.size() + " final events, " + terminalStatuses
							+ " terminal statuses, sequences " + events.stream().map(JobProgress::sequence).toList()
							+ " statuses "
							+ events.stream().map((e) -> e.status() + (e.resultsComplete() ? "*" : "")).toList());
			List<DeviceResult> published = this.observed.results.getOrDefault(jobId, List.of());
			long distinct = published.stream().map(DeviceResult::deviceId).distinct().count();
			JobProgress last = finals.isEmpty() ? null : finals.get(finals.size() - 1);
			results.check(
					last != null && published.size() == job.expectedDevices() && distinct == published.size()
							&& last.deviceResultCount() == published.size()
							&& last.statistics().deviceCount() == job.expectedDevices(),
					"job " + jobId + ": " + published.size() + " results (" + distinct + " devices), expected "
							+ job.expectedDevices() + ", final event " + ((last != null) ? "deviceResultCount "
									+ last.deviceResultCount() + " statistics " + last.statistics() : "missing"));
			Instant submitted = now.minusNanos(System.nanoTime() - submission.submittedAtNanos());
			Instant closed = (last != null) ? last.observedAt() : now;
			openSeconds += Math.max(0, Duration.between(submitted, closed).toMillis() / 1000.0);
			deadline.check(terminalInTime(submission, events, now), "job " + jobId + " (" + job.requestId()
					+ ") not terminal in time: " + events.stream().map(JobProgress::status).toList());
		}
		for (String hubJobId : hubJobCount.keySet()) {
			if (!acceptedIds.contains(hubJobId)) {
				oneHubJob.check(false, "hub job " + hubJobId + " belongs to no accepted request");
			}
		}
		long bound = Math.round(CALLS_PER_JOB * accepted.size() + CALLS_PER_OPEN_SECOND * openSeconds);
		this.callsSummary = String.format(java.util.Locale.ROOT,
				"%d job calls for %d jobs (%.1f per job, %.0f job-seconds open), bound %d", jobCalls, accepted.size(),
				accepted.isEmpty() ? 0.0 : (double) jobCalls / accepted.size(), openSeconds, bound);
		calls.check(jobCalls <= bound, this.callsSummary);
		return List.of(oneHubJob, oneSubmitted, oneFinal, results, reasons, deadline, calls);
	}

	/** The hub-call figures of the last check. */
	String callsSummary() {
		return this.callsSummary;
	}

	/**
	 * Terminal no later than its start (the hub job's creation, or the acknowledgement if
	 * later or if it never reached the hub) + its max execution time + the margin. A job
	 * that is not terminal when the run checks (after waiting for every deadline) broke
	 * it.
	 */
	private static boolean terminalInTime(Submission submission, List<JobProgress> events, Instant now) {
		Instant submitted = now.minusNanos(System.nanoTime() - submission.submittedAtNanos());
		Instant start = events.stream()
			.map(JobProgress::createdTime)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.filter((s) -> s.isAfter(submitted))
			.orElse(submitted);
		Instant limit = start.plusSeconds(submission.job().maxExecutionSeconds()).plus(ChaosOptions.TERMINAL_MARGIN);
		Instant terminal = events.stream()
			.filter((e) -> e.status().isTerminal())
			.map(JobProgress::observedAt)
			.findFirst()
			.orElse(null);
		return terminal != null && !terminal.isAfter(limit);
	}

}
