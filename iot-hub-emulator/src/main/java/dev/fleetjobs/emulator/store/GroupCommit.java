package dev.fleetjobs.emulator.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers ask for a commit and get a future; one thread commits on behalf
 * of every caller that asked before the commit began, so a burst of writes costs a few
 * commits, not one each. Whatever a caller wrote before asking is in the commit that
 * completes its future. (The store's own background writer still commits everything else
 * within about a second.)
 */
final class GroupCommit implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	private final Runnable commit;

	private final Thread thread;

	private List<CompletableFuture<Void>> waiting = new ArrayList<>();

	private boolean closed;

	GroupCommit(Runnable commit) {
		this.commit = commit;
		this.thread = new Thread(this::run, "emulator-store-commit");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	CompletableFuture<Void> request() {
		CompletableFuture<Void> future = new CompletableFuture<>();
		synchronized (this) {
			if (this.closed) {
				future.completeExceptionally(new IllegalStateException("The store is closed"));
				return future;
			}
			this.waiting.add(future);
			notifyAll();
		}
		return future;
	}

	private void run() {
		while (true) {
			List<CompletableFuture<Void>> batch;
			synchronized (this) {
				while (this.waiting.isEmpty() && !this.closed) {
					try {
						wait();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
				if (this.waiting.isEmpty()) {
					return;
				}
				batch = this.waiting;
				this.waiting = new ArrayList<>();
			}
			try {
				this.commit.run();
				batch.forEach((future) -> future.complete(null));
			}
			catch (RuntimeException ex) {
				log.warn("Committing the store failed: {}", ex.toString());
				batch.forEach((future) -> future.completeExceptionally(ex));
			}
		}
	}

	/** Stops without committing: waiting callers fail, as after a crash. */
	void abort() {
		synchronized (this) {
			this.waiting.forEach((future) -> future.completeExceptionally(new IllegalStateException("halted")));
			this.waiting.clear();
		}
		close();
	}

	/** Commits what is waiting, then stops the thread. */
	@Override
	public void close() {
		synchronized (this) {
			this.closed = true;
			notifyAll();
		}
		try {
			this.thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
