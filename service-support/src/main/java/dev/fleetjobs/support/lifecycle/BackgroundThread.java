package dev.fleetjobs.support.lifecycle;

import org.springframework.context.SmartLifecycle;

/**
 * A bean's own daemon thread, started and stopped with the application context: the topic
 * readers and the executor's queue dispatcher. {@link #stop()} clears the running flag,
 * {@link #wakeUp(Thread) wakes} the thread (an interrupt, or a Kafka consumer's
 * {@code wakeup()}) and waits up to five seconds for it to end. Subclasses loop in
 * {@link #work()} while {@link #isRunning()} and choose their phase.
 */
public abstract class BackgroundThread implements SmartLifecycle {

	private static final long STOP_WAIT_MILLIS = 5000;

	private final String name;

	private volatile boolean running;

	private volatile Thread thread;

	protected BackgroundThread(String name) {
		this.name = name;
	}

	/** What the thread does; it returns when {@link #isRunning()} turns false. */
	protected abstract void work();

	/**
	 * Wakes the thread out of what it waits on, when stopping. Interrupts it; a thread
	 * that waits in a Kafka poll wakes its consumer instead.
	 * @param thread the background thread
	 */
	protected void wakeUp(Thread thread) {
		thread.interrupt();
	}

	@Override
	public void start() {
		this.running = true;
		Thread started = new Thread(this::work, this.name);
		started.setDaemon(true);
		this.thread = started;
		started.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread current = this.thread;
		if (current == null) {
			return;
		}
		wakeUp(current);
		try {
			current.join(STOP_WAIT_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Ends the loop from inside (e.g. after an interrupt). */
	protected final void halt() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Whether the thread is alive and meant to run. */
	protected final boolean alive() {
		Thread current = this.thread;
		return this.running && current != null && current.isAlive();
	}

}
