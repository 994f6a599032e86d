package dev.fleetjobs.status.tracking;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.fleetjobs.status.system.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the tracked jobs: lifecycle events, ownership changes, poll
 * cycles and finished collections all run on it, one after another, so a job's events are
 * published by one writer in sequence order.
 */
final class Tracker implements Executor {

	private static final Logger log = LoggerFactory.getLogger(Tracker.class);

	private final ScheduledExecutorService executor;

	private volatile Thread thread;

	Tracker() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread created = DaemonThreads.named("job-tracker").newThread(task);
			this.thread = created;
			return created;
		});
	}

	/**
	 * Runs the task on the tracker thread and waits for it (inline when already on it).
	 */
	<T> T call(Callable<T> task, Duration timeout) {
		try {
			if (Thread.currentThread() == this.thread) {
				return task.call();
			}
			Future<T> future = this.executor.submit(task);
			try {
				return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				future.cancel(false);
				throw new TransientTrackingException("The job tracker did not answer within " + timeout, ex);
			}
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the job tracker", ex);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void execute(Runnable task) {
		if (!this.executor.isShutdown()) {
			this.executor.execute(task);
		}
	}

	/**
	 * Runs the task repeatedly, {@code delay} after each run ends; failures are logged.
	 */
	void every(Duration delay, Runnable task) {
		this.executor.scheduleWithFixedDelay(() -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				log.error("Job tracker task failed", ex);
			}
		}, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	void shutdown() {
		this.executor.shutdownNow();
	}

}
