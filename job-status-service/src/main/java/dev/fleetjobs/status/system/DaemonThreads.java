package dev.fleetjobs.status.system;

import java.util.concurrent.ThreadFactory;

/** Named daemon threads for this service's single-thread executors. */
public final class DaemonThreads {

	private DaemonThreads() {
	}

	/** A factory of daemon threads that all carry this name. */
	public static ThreadFactory named(String name) {
		return (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		};
	}

}
