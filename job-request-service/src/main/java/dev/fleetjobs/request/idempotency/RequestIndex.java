package dev.fleetjobs.request.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.rollout.Rollout;

import org.springframework.stereotype.Component;

/**
 * Every job this service knows of, by jobId: the ones it published and the ones it read
 * back from {@code fleetjobs.commands} (its own, from earlier runs, and other
 * instances'). A reservation makes resubmissions within one instance race-free; across
 * instances the window is the time until the other instance's command is read back, and
 * the executor's per-jobId idempotency is the final guard.
 */
@Component
public class RequestIndex {

	private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

	private final CountDownLatch ready = new CountDownLatch(1);

	/**
	 * Claims a jobId for a request definition.
	 * @return created (publish it), duplicate (same definition: publish nothing) or
	 * conflict (another definition under the same jobId)
	 */
	public Reservation reserve(String jobId, String requestId, String fingerprint, JobType jobType, Instant acceptedAt,
			Rollout rollout) {
		Entry candidate = new Entry(jobId, requestId, fingerprint, jobType, acceptedAt, rollout, false,
				new CompletableFuture<>());
		Entry existing = this.entries.putIfAbsent(jobId, candidate);
		if (existing == null) {
			return new Reservation(Outcome.CREATED, candidate);
		}
		boolean same = existing.fingerprint() == null || existing.fingerprint().equals(fingerprint);
		return new Reservation(same ? Outcome.DUPLICATE : Outcome.CONFLICT, existing);
	}

	/** The broker acked the command of a reservation. */
	public void published(String jobId) {
		Entry entry = this.entries.get(jobId);
		if (entry != null) {
			entry.published().complete(null);
		}
	}

	/** The command of a reservation could not be published: forget it. */
	public void failed(String jobId, Throwable failure) {
		Entry entry = this.entries.get(jobId);
		if (entry != null && !entry.published().isDone() && this.entries.remove(jobId, entry)) {
			entry.published().completeExceptionally(failure);
		}
	}

	/** A ScheduleJob read back from the topic. */
	void scheduled(String jobId, String requestId, String fingerprint, JobType jobType, Instant acceptedAt,
			Rollout rollout) {
		Entry read = new Entry(jobId, requestId, fingerprint, jobType, acceptedAt, rollout, false,
				CompletableFuture.completedFuture(null));
		Entry existing = this.entries.putIfAbsent(jobId, read);
		if (existing != null) {
			existing.published().complete(null);
		}
	}

	/** A CancelJob was published or read back. */
	public void cancelRequested(String jobId) {
		this.entries.computeIfPresent(jobId,
				(id, entry) -> entry.cancelRequested() ? entry : new Entry(id, entry.requestId(), entry.fingerprint(),
						entry.jobType(), entry.acceptedAt(), entry.rollout(), true, entry.published()));
	}

	public Optional<Entry> find(String jobId) {
		return Optional.ofNullable(this.entries.get(jobId))
			.filter((entry) -> entry.published().isDone() && !entry.published().isCompletedExceptionally());
	}

	/** Whether the jobId is known, published or not yet. */
	boolean contains(String jobId) {
		return this.entries.containsKey(jobId);
	}

	public int size() {
		return this.entries.size();
	}

	/** The topic has been read up to where it ended at start. */
	public void markReady() {
		this.ready.countDown();
	}

	public boolean isReady() {
		return this.ready.getCount() == 0;
	}

	/** Waits until the topic has been read up to where it ended at start. */
	public boolean awaitReady(Duration timeout) {
		try {
			return this.ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	public enum Outcome {

		CREATED, DUPLICATE, CONFLICT

	}

	public record Reservation(Outcome outcome, Entry entry) {
	}

	/**
	 * What the service remembers of a job.
	 *
	 * @param rollout the job's rollout settings, or {@code null} for a plain job (only
	 * rollouts pay for the memory)
	 * @param published completes when the broker has the ScheduleJob
	 */
	public record Entry(String jobId, String requestId, String fingerprint, JobType jobType, Instant acceptedAt,
			Rollout rollout, boolean cancelRequested, CompletableFuture<Void> published) {

		public Entry {
			Objects.requireNonNull(jobId, "jobId");
		}

	}

}
