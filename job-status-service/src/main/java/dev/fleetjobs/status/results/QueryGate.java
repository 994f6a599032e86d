package dev.fleetjobs.status.results;

import java.time.Duration;

import dev.fleetjobs.status.hub.HubBudget;
import dev.fleetjobs.status.hub.HubCallException;
import dev.fleetjobs.status.hub.HubOperation;
import dev.fleetjobs.status.hub.SdkPages;
import dev.fleetjobs.status.metrics.StatusMetrics;

/**
 * Pays for each {@code devices.jobs} page from the query budget, waiting for a permit; a
 * page the hub throttled (429, 503) is fetched again after the backoff, one that failed
 * otherwise transiently after a pause, a few times.
 */
final class QueryGate implements SdkPages.Gate {

	private static final HubOperation OPERATION = HubOperation.DEVICE_JOBS_QUERY;

	private static final int ATTEMPTS = 5;

	private final HubBudget budget;

	private final StatusMetrics metrics;

	private final Duration pause;

	private int failures;

	QueryGate(HubBudget budget, StatusMetrics metrics, Duration pause) {
		this.budget = budget;
		this.metrics = metrics;
		this.pause = pause;
	}

	@Override
	public boolean beforeNextPage() throws InterruptedException {
		while (!this.budget.acquire(OPERATION, Duration.ofMinutes(1))) {
			// keep waiting: the budget, not a timeout, decides when the next page comes
		}
		return true;
	}

	@Override
	public void pageReceived(boolean paid) {
		if (!paid) {
			this.budget.tryAcquire(OPERATION);
		}
		this.failures = 0;
		this.budget.succeeded(OPERATION);
		this.metrics.hubCall(OPERATION.tag(), "success");
	}

	@Override
	public boolean retry(Exception failure) throws InterruptedException {
		HubCallException call = (failure instanceof HubCallException hub) ? hub
				: HubCallException.of(OPERATION, failure);
		this.metrics.hubCall(OPERATION.tag(), call.kind().tag());
		if (call.kind() == HubCallException.Kind.THROTTLED) {
			this.budget.throttled(OPERATION);
			return beforeNextPage();
		}
		if (call.kind() == HubCallException.Kind.UNAVAILABLE && ++this.failures < ATTEMPTS) {
			Thread.sleep(this.pause.toMillis());
			return beforeNextPage();
		}
		this.failures = 0;
		return false;
	}

}
