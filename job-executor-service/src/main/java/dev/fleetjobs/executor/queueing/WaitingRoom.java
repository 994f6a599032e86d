package dev.fleetjobs.executor.queueing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * This instance's queue of commands that wait, first come first served across all its
 * partitions (ordered by the time each was queued), behind the hub's {@link HubGate}.
 * While the gate is closed nothing is tried but the oldest job, once per probe interval;
 * when it opens the queue drains in order. A job that failed transiently also waits on
 * its own backoff, so that it never holds up the jobs behind it.
 */
@Component
public class WaitingRoom {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final NavigableSet<WaitingJob> queue = new TreeSet<>(
			Comparator.comparing(WaitingJob::queuedAt).thenComparingLong((job) -> job.sequence));

	private final Map<String, WaitingJob> byJobId = new HashMap<>();

	private final BackOff retryBackOff;

	private final Clock clock;

	private final MeterRegistry registry;

	private final HubGate gate;

	private long sequence;

	public WaitingRoom(QueueingProperties properties, Clock clock, MeterRegistry registry) {
		this.retryBackOff = properties.retryBackOff();
		this.clock = clock;
		this.registry = registry;
		this.gate = new HubGate(properties, clock, registry, this::signal);
	}

	/** The hub's gate, shared by every job of this instance. */
	public HubGate gate() {
		return this.gate;
	}

	/** Adds a job (once its {@code JobQueued} is committed); a known jobId is ignored. */
	public void add(WaitingJob job) {
		locked(() -> {
			if (this.byJobId.containsKey(job.jobId())) {
				return null;
			}
			job.sequence = ++this.sequence;
			job.retries = this.retryBackOff.start();
			if (job.retryLabel != null) {
				scheduleRetry(job);
			}
			this.queue.add(job);
			this.byJobId.put(job.jobId(), job);
			this.changed.signalAll();
			return null;
		});
	}

	public WaitingJob find(String jobId) {
		return locked(() -> this.byJobId.get(jobId));
	}

	public int size() {
		return locked(this.queue::size);
	}

	/** When the oldest waiting job was queued, or {@code null} when none waits. */
	public Instant oldestQueuedAt() {
		return locked(() -> this.queue.isEmpty() ? null : this.queue.first().queuedAt());
	}

	/**
	 * Whether a new command must queue rather than go to the hub: the gate is closed, or
	 * older jobs are due (they go first).
	 */
	public boolean mustWait() {
		return locked(() -> {
			Instant now = this.clock.instant();
			return this.gate.isClosed() || this.queue.stream().anyMatch((job) -> job.isDue(now));
		});
	}

	/**
	 * Takes a waiting job away from the dispatcher, waiting while it is being tried.
	 * @return the job, locked by the caller, or {@code null} when it no longer waits
	 */
	public WaitingJob claim(String jobId) {
		WaitingJob job = find(jobId);
		if (job == null) {
			return null;
		}
		job.lock.lock();
		if (job.removed) {
			job.lock.unlock();
			return null;
		}
		return job;
	}

	/** Gives a claimed job back (the work on it was rolled back). */
	public void release(WaitingJob job) {
		job.lock.unlock();
	}

	/** Removes a claimed job and unlocks it. */
	public void removeClaimed(WaitingJob job) {
		remove(job);
		job.lock.unlock();
	}

	/** Forgets the jobs of partitions this instance no longer owns, after their tries. */
	public void dropPartitions(Collection<Integer> partitions) {
		List<WaitingJob> leaving = locked(
				() -> this.queue.stream().filter((job) -> partitions.contains(job.partition())).toList());
		for (WaitingJob job : leaving) {
			job.lock.lock();
			try {
				remove(job);
			}
			finally {
				job.lock.unlock();
			}
		}
	}

	/**
	 * The oldest job that may be tried now, locked for the dispatcher, or {@code null}.
	 */
	WaitingJob nextDue() {
		return locked(() -> {
			Instant now = this.clock.instant();
			Instant closedUntil = this.gate.closedUntil();
			if (closedUntil != null && now.isBefore(closedUntil)) {
				return null;
			}
			for (WaitingJob job : this.queue) {
				if (job.isDue(now) && !job.lock.isLocked() && job.lock.tryLock()) {
					return job;
				}
			}
			return null;
		});
	}

	/**
	 * Sets when a job that failed transiently is tried again.
	 * @return false when its retries are used up
	 */
	boolean retryLater(WaitingJob job, String label) {
		return locked(() -> {
			job.retryLabel = label;
			return scheduleRetry(job);
		});
	}

	/** Tries a job again after a fixed wait (its outcome could not be published). */
	void postpone(WaitingJob job, Duration wait) {
		locked(() -> job.notBefore = this.clock.instant().plus(wait));
	}

	private boolean scheduleRetry(WaitingJob job) {
		long wait = job.retries.nextBackOff();
		if (wait == BackOffExecution.STOP) {
			return false;
		}
		job.notBefore = this.clock.instant().plusMillis(wait);
		Backoffs.record(this.registry, job.retryLabel, Duration.ofMillis(wait));
		return true;
	}

	private void signal() {
		locked(() -> {
			this.changed.signalAll();
			return null;
		});
	}

	void remove(WaitingJob job) {
		locked(() -> {
			job.removed = true;
			this.queue.remove(job);
			this.byJobId.remove(job.jobId(), job);
			this.changed.signalAll();
			return null;
		});
	}

	/** Waits until a job may be due or something changed, at most {@code max}. */
	void awaitWork(Duration max) throws InterruptedException {
		this.lock.lock();
		try {
			Instant now = this.clock.instant();
			Instant wake = now.plus(max);
			Instant closedUntil = this.gate.closedUntil();
			if (closedUntil != null) {
				wake = min(wake, closedUntil);
			}
			else {
				for (WaitingJob job : this.queue) {
					wake = min(wake, (job.notBefore != null) ? job.notBefore : now.plusMillis(50));
				}
			}
			long nanos = Duration.between(now, wake).toNanos();
			if (nanos > 0) {
				this.changed.await(nanos, TimeUnit.NANOSECONDS);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private <T> T locked(java.util.function.Supplier<T> work) {
		this.lock.lock();
		try {
			return work.get();
		}
		finally {
			this.lock.unlock();
		}
	}

}
