package dev.fleetjobs.executor.testsupport;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.executor.scheduling.HubCallException;
import dev.fleetjobs.executor.scheduling.HubJob;
import dev.fleetjobs.executor.scheduling.IotHubJobs;
import dev.fleetjobs.executor.scheduling.JobDefinition;

/**
 * An in-memory stand-in for the {@link IotHubJobs} port, for unit tests of the service
 * logic only (the hub itself is tested against the emulator): jobs by id, "already
 * exists" for a known id, and scripted failures per operation.
 */
public final class FakeIotHubJobs implements IotHubJobs {

	private final Map<String, HubJob> jobs = new HashMap<>();

	private final Map<String, Deque<HubCallException>> failures = new HashMap<>();

	private final List<String> calls = new ArrayList<>();

	/** The next call of the operation fails with this status and code. */
	public synchronized FakeIotHubJobs failNext(String operation, int status, String errorCode, String message) {
		this.failures.computeIfAbsent(operation, (key) -> new ArrayDeque<>())
			.add(new HubCallException(operation, status, errorCode, message, null));
		return this;
	}

	/** A job that is already on the hub. */
	public synchronized FakeIotHubJobs existing(ScheduleJob command) {
		this.jobs.put(command.jobId(),
				new HubJob(command.jobId(), "running", Instant.now(), JobDefinition.of(command)));
		return this;
	}

	/** Calls so far, e.g. {@code create job-1}. */
	public synchronized List<String> calls() {
		return List.copyOf(this.calls);
	}

	public synchronized boolean exists(String jobId) {
		return this.jobs.containsKey(jobId);
	}

	@Override
	public synchronized HubJob create(ScheduleJob command) throws HubCallException {
		call("create", command.jobId());
		if (this.jobs.containsKey(command.jobId())) {
			throw new HubCallException("create", 409, "JobAlreadyExists", "already exists", null);
		}
		HubJob job = new HubJob(command.jobId(), "queued", Instant.now(), JobDefinition.of(command));
		this.jobs.put(command.jobId(), job);
		return job;
	}

	@Override
	public synchronized HubJob get(String jobId) throws HubCallException {
		call("get", jobId);
		return found(jobId, "get");
	}

	@Override
	public synchronized HubJob cancel(String jobId) throws HubCallException {
		call("cancel", jobId);
		HubJob job = found(jobId, "cancel");
		HubJob cancelled = new HubJob(jobId, "cancelled", job.createdTime(), job.definition());
		this.jobs.put(jobId, cancelled);
		return cancelled;
	}

	private HubJob found(String jobId, String operation) throws HubCallException {
		HubJob job = this.jobs.get(jobId);
		if (job == null) {
			throw new HubCallException(operation, 404, "JobNotFound", "Job " + jobId + " not found.", null);
		}
		return job;
	}

	private void call(String operation, String jobId) throws HubCallException {
		this.calls.add(operation + " " + jobId);
		Deque<HubCallException> scripted = this.failures.get(operation);
		if (scripted != null && !scripted.isEmpty()) {
			throw scripted.poll();
		}
	}

}
