package dev.fleetjobs.executor.scheduling;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.executor.queueing.JobLedger;
import dev.fleetjobs.executor.queueing.WaitingRoom;
import dev.fleetjobs.executor.scheduling.Submitter.Outcome;

import org.springframework.stereotype.Component;

/**
 * Starts the hub creates of a batch's new jobs together, on a bounded pool, so that a
 * batch takes about as long as its slowest hub call rather than the sum of them. Only
 * plainly new jobs qualify (valid, unknown to the ledger, the only command for their
 * jobId in the batch), and only while the hub takes jobs freely: not while jobs wait, and
 * not within a minute of a 429, so that under a job quota commands go to the hub one by
 * one, first come first served. The service still handles every command in order and
 * merely collects the early answer.
 */
@Component
class EarlyHubCalls {

	private final Submitter submitter;

	private final JobLedger ledger;

	private final WaitingRoom room;

	private final ExecutorService hubCalls;

	EarlyHubCalls(Submitter submitter, JobLedger ledger, WaitingRoom room, ExecutorService hubCalls) {
		this.submitter = submitter;
		this.ledger = ledger;
		this.room = room;
		this.hubCalls = hubCalls;
	}

	/** The hub calls started for the batch, by command (identity). */
	Map<ScheduleJob, CompletableFuture<Outcome>> start(List<IncomingCommand> commands) {
		Map<ScheduleJob, CompletableFuture<Outcome>> started = new IdentityHashMap<>();
		if (commands.size() < 2 || this.room.mustWait() || this.room.gate().wasBusyLately()) {
			return started;
		}
		Map<String, Long> perJob = commands.stream()
			.map((command) -> String.valueOf(command.origin().key()))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		for (IncomingCommand command : commands) {
			if (command instanceof IncomingCommand.Schedule schedule && isPlainlyNew(schedule, perJob)) {
				ScheduleJob job = schedule.command();
				started.put(job, CompletableFuture.supplyAsync(() -> this.submitter.submit(job), this.hubCalls));
			}
		}
		return started;
	}

	/** The answer of a started call, as if it had been made now. */
	static Outcome await(CompletableFuture<Outcome> call) {
		try {
			return call.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private boolean isPlainlyNew(IncomingCommand.Schedule schedule, Map<String, Long> perJob) {
		ScheduleJob command = schedule.command();
		return command.rollout() == null && CommandChecks.problem(command) == null
				&& command.jobId().equals(schedule.origin().key()) && perJob.get(command.jobId()) == 1
				&& this.ledger.state(schedule.origin().partition(), command.jobId()) == null;
	}

}
