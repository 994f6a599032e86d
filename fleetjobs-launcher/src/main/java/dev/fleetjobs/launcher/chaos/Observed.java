package dev.fleetjobs.launcher.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.request.JobRequestRejected;
import tools.jackson.databind.JsonNode;

/**
 * What downstream consumers saw of a run, per jobId (per request id for rejections), read
 * from the committed records of the output topics.
 */
final class Observed {

	final Map<String, List<JobProgress>> progress;

	final Map<String, List<DeviceResult>> results;

	final Map<String, List<String>> lifecycle;

	final Map<String, List<JsonNode>> lifecycleBodies;

	final Map<String, List<JobRequestRejected>> rejections;

	Observed(TopicRecorder topics) {
		this.progress = group(topics.of(Topics.PROGRESS), JobProgress.class);
		this.progress.values().forEach((events) -> events.sort(Comparator.comparingLong(JobProgress::sequence)));
		this.results = group(topics.of(Topics.DEVICE_RESULTS), DeviceResult.class);
		this.lifecycle = new HashMap<>();
		this.lifecycleBodies = new HashMap<>();
		for (TopicRecorder.Seen seen : topics.of(Topics.LIFECYCLE)) {
			if (seen.key() == null || seen.value() == null) {
				continue;
			}
			this.lifecycle.computeIfAbsent(seen.key(), (k) -> new ArrayList<>()).add(String.valueOf(seen.type()));
			this.lifecycleBodies.computeIfAbsent(seen.key(), (k) -> new ArrayList<>())
				.add(Chaos.JSON.readTree(seen.value()));
		}
		this.rejections = group(topics.of(Topics.REQUEST_REJECTIONS), JobRequestRejected.class);
	}

	/** The unfinished accepted jobs (no final progress event yet). */
	Set<String> unfinished(List<Submission> accepted) {
		return accepted.stream()
			.map((s) -> s.job().jobId())
			.filter((jobId) -> this.progress.getOrDefault(jobId, List.of())
				.stream()
				.noneMatch(JobProgress::resultsComplete))
			.collect(Collectors.toSet());
	}

	boolean accepted(Submission submission) {
		if (!submission.job().valid()) {
			return false;
		}
		if (submission.job().channel().equals("rest")) {
			return submission.status() == 202;
		}
		return !this.rejections.containsKey(submission.job().requestId());
	}

	boolean hasReason(Submission submission) {
		if (submission.job().channel().equals("rest")) {
			if (submission.status() / 100 != 4 || submission.answer() == null) {
				return false;
			}
			JsonNode problem = Chaos.JSON.readTree(submission.answer());
			return !problem.path("errorCode").asString("").isBlank() && !problem.path("detail").asString("").isBlank();
		}
		return this.rejections.getOrDefault(submission.job().requestId(), List.of())
			.stream()
			.anyMatch((r) -> r.errorCode() != null && !r.errorCode().isBlank() && r.reason() != null
					&& !r.reason().isBlank());
	}

	String describeRefusal(Submission submission) {
		return submission.job().channel().equals("rest") ? submission.status() + " " + submission.answer()
				: String.valueOf(this.rejections.get(submission.job().requestId()));
	}

	private static <T> Map<String, List<T>> group(List<TopicRecorder.Seen> records, Class<T> type) {
		Map<String, List<T>> grouped = new HashMap<>();
		for (TopicRecorder.Seen seen : records) {
			if (seen.value() != null && seen.key() != null) {
				grouped.computeIfAbsent(seen.key(), (k) -> new ArrayList<>())
					.add(Chaos.JSON.readValue(seen.value(), type));
			}
		}
		return grouped;
	}

}
