package dev.fleetjobs.executor.scheduling;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import dev.fleetjobs.executor.queueing.QueueingProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The hub's concurrent-job quota when the operator states it
 * ({@code fleetjobs.queueing.hub-max-active-jobs}, e.g. 1 for an S1 hub): a job that
 * would exceed it waits in the queue ({@code JobQueued}) without a create call that the
 * hub would refuse with 429. The jobs this instance created and has not seen end hold the
 * slots; when they are all taken, each holder is read from the hub (one GET) and the
 * ended ones free theirs. Jobs of other instances or other back ends are not known here:
 * the hub's 429 still covers them. 0 (the default) means the quota is not known.
 */
@Component
public class KnownJobQuota {

	/** The error code of a job held back by this quota, with no hub call made. */
	public static final String FULL = "KnownMaxActiveJobsReached";

	private final int maxActive;

	private final IotHubJobs hub;

	private final Set<String> holders = new LinkedHashSet<>();

	@Autowired
	public KnownJobQuota(QueueingProperties properties, IotHubJobs hub) {
		this(properties.hubMaxActiveJobs(), hub);
	}

	KnownJobQuota(int maxActive, IotHubJobs hub) {
		this.maxActive = maxActive;
		this.hub = hub;
	}

	/**
	 * Takes a slot for a job about to be created.
	 * @return {@code null} when it may go to the hub (a slot is its, or the quota is not
	 * known), else the refusal to queue it with
	 */
	synchronized HubCallException reserve(String jobId) {
		if (this.maxActive <= 0 || this.holders.contains(jobId)) {
			return null;
		}
		if (this.holders.size() >= this.maxActive) {
			forgetEnded();
		}
		if (this.holders.size() >= this.maxActive) {
			return new HubCallException("create", 429, FULL,
					"Waiting for the hub's job quota (" + this.maxActive
							+ " active, fleetjobs.queueing.hub-max-active-jobs), held by " + this.holders
							+ "; no hub call was made",
					null);
		}
		this.holders.add(jobId);
		return null;
	}

	/** The job is not (or no longer) on the hub, or has ended: its slot is free. */
	synchronized void release(String jobId) {
		this.holders.remove(jobId);
	}

	private void forgetEnded() {
		for (String jobId : new ArrayList<>(this.holders)) {
			try {
				if (ended(this.hub.get(jobId).status())) {
					this.holders.remove(jobId);
				}
			}
			catch (HubCallException ex) {
				if (ex.isNotFound()) {
					this.holders.remove(jobId);
				}
				// otherwise it may still run: it keeps its slot until the next look
			}
		}
	}

	private static boolean ended(String status) {
		String lower = (status != null) ? status.toLowerCase(Locale.ROOT) : "";
		return lower.equals("completed") || lower.equals("failed") || lower.equals("cancelled");
	}

}
