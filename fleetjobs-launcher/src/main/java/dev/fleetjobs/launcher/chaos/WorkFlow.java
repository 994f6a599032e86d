package dev.fleetjobs.launcher.chaos;

import java.util.List;

import dev.fleetjobs.contracts.Topics;

/**
 * Whether work flows through the system: a progress event committed on Kafka or a request
 * acknowledged at a front door.
 */
final class WorkFlow {

	private final TopicRecorder topics;

	private final List<Submission> submissions;

	private final int planned;

	WorkFlow(TopicRecorder topics, List<Submission> submissions, int planned) {
		this.topics = topics;
		this.submissions = submissions;
		this.planned = planned;
	}

	/**
	 * Whether flow is to be expected: jobs are in flight, or (for the request service)
	 * requests are still to come.
	 */
	boolean expected(FaultKind kind) {
		List<Submission> acknowledged = this.submissions.stream()
			.filter((s) -> s.job().valid() && s.status() != -1 && s.status() != 400)
			.toList();
		return this.submissions.size() < this.planned || !new Observed(this.topics).unfinished(acknowledged).isEmpty();
	}

	/**
	 * The first moment ({@link System#nanoTime()}) after the given one at which work
	 * flowed past the faulty part, or -1 if it did not yet.
	 */
	long firstAfter(FaultKind kind, long nanos) {
		if (kind == FaultKind.KILL_REQUEST) {
			return this.submissions.stream()
				.mapToLong(Submission::submittedAtNanos)
				.filter((at) -> at > nanos)
				.min()
				.orElse(-1);
		}
		return this.topics.firstAfter((kind == FaultKind.KILL_EXECUTOR) ? Topics.LIFECYCLE : Topics.PROGRESS, nanos);
	}

}
