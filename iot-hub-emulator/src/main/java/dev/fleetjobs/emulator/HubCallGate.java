package dev.fleetjobs.emulator;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.faults.CallCounters;
import dev.fleetjobs.emulator.faults.Fault;
import dev.fleetjobs.emulator.faults.FaultInjector;
import dev.fleetjobs.emulator.http.CallGate;
import dev.fleetjobs.emulator.throttling.Quotas;
import io.netty.util.Timer;

/**
 * Every REST call passes here: it is counted, then an injected fault may fail or delay
 * it, then the tier's quotas may throttle it (job operations and queries per minute).
 */
final class HubCallGate implements CallGate {

	/** The hub's "jobs operations": create, update, list, delete (get is not one). */
	private static final Set<String> JOB_OPERATIONS = Set.of("jobs.create", "jobs.cancel", "jobs.query");

	private final CallCounters counters;

	private final FaultInjector faults;

	private final Quotas quotas;

	private final Timer timer;

	HubCallGate(CallCounters counters, FaultInjector faults, Quotas quotas, Timer timer) {
		this.counters = counters;
		this.faults = faults;
		this.quotas = quotas;
		this.timer = timer;
	}

	@Override
	public CompletionStage<Void> admit(String operation) {
		this.counters.increment(operation);
		Fault fault = this.faults.next(operation);
		if (fault != null && fault.status() == 429) {
			throw IotHubErrors.throttled("Injected fault: " + operation + " is throttled.");
		}
		if (fault != null && fault.status() == 503) {
			throw IotHubErrors.serviceUnavailable("Injected fault: " + operation + " is unavailable.");
		}
		if (JOB_OPERATIONS.contains(operation)) {
			this.quotas.checkJobOperation();
		}
		else if ("devices.query".equals(operation)) {
			this.quotas.checkQuery();
		}
		if (fault == null || fault.delay().isZero()) {
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<Void> delayed = new CompletableFuture<>();
		this.timer.newTimeout((timeout) -> delayed.complete(null), fault.delay().toMillis(), TimeUnit.MILLISECONDS);
		return delayed;
	}

}
