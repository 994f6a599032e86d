package dev.fleetjobs.e2e.support;

import dev.fleetjobs.launcher.stack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * An e2e test class on the suite's one running system ({@link E2eStack}), with a
 * {@link Jobs} client of its own that is closed after the class.
 */
public abstract class SharedStackSupport {

	protected static LocalStack stack;

	protected static Jobs jobs;

	@BeforeAll
	static void joinTheRunningSystem() {
		stack = E2eStack.get();
		jobs = new Jobs(stack);
	}

	@AfterAll
	static void closeTheJobsClient() {
		if (jobs != null) {
			jobs.close();
			jobs = null;
		}
	}

}
