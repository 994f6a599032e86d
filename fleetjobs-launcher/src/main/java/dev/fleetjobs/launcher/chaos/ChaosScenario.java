package dev.fleetjobs.launcher.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.launcher.stack.LocalStack;
import dev.fleetjobs.launcher.stack.StackSettings;

/**
 * Breaks a running local system on purpose while it works, then checks its promises.
 * Every choice (the requests, the order and moments of the faults, their parameters)
 * comes from one seeded {@link Random}, printed first, so a failing run can be replayed
 * with the same seed.
 */
public final class ChaosScenario {

	private final LocalStack stack;

	private final ChaosOptions options;

	private final Consumer<String> out;

	private final List<Submission> submissions = new CopyOnWriteArrayList<>();

	public ChaosScenario(LocalStack stack, ChaosOptions options, Consumer<String> out) {
		this.stack = stack;
		this.options = options;
		this.out = out;
	}

	public ChaosReport run() {
		long begin = System.nanoTime();
		StackSettings settings = this.stack.settings();
		this.out.accept("chaos seed " + this.options.seed() + " (replay with --seed " + this.options.seed() + ")");
		Random random = new Random(this.options.seed());
		List<PlannedJob> plan = WorkloadPlan.plan(this.options, settings, random);
		List<FaultPlan.Step> steps = FaultPlan.steps(this.options, random);
		HubControl hub = new HubControl(settings, this.stack.components().emulatorData().resolve("ca.p12"));
		HubCallLedger calls = new HubCallLedger(hub);
		Recoveries recoveries = new Recoveries();
		try (TopicRecorder topics = new TopicRecorder(settings.bootstrapServers(),
				List.of(Topics.PROGRESS, Topics.DEVICE_RESULTS, Topics.LIFECYCLE, Topics.REQUEST_REJECTIONS));
				Ingress ingress = new Ingress(settings, this.out)) {
			FaultInjector faults = new FaultInjector(this.stack, hub, topics, calls, random, this.out, recoveries,
					new WorkFlow(topics, this.submissions, plan.size()));
			long start = System.nanoTime();
			Thread submitter = new Thread(() -> submitRegular(plan, ingress, start), "chaos-submitter");
			submitter.start();
			for (FaultPlan.Step step : steps) {
				Chaos.sleep((start + step.atNanos() - System.nanoTime()) / 1_000_000);
				this.out.accept(String.format(Locale.ROOT, "[%5.1f s] %s", Chaos.seconds(System.nanoTime() - start),
						(step.kind() != null) ? step.kind().label() : "S1 burst"));
				if (step.kind() != null) {
					faults.inject(step.kind());
				}
				else {
					burst(plan, ingress, hub, step.holdSeconds());
				}
			}
			join(submitter);
			Observed observed = drain(topics);
			faults.awaitMeasurements();
			Invariants invariants = new Invariants(observed);
			Map<String, Long> total = calls.total();
			long jobCalls = calls.jobCalls(total);
			List<Invariant> checked = invariants.check(this.submissions, hub.hubJobs(), jobCalls, Instant.now());
			this.out.accept("hub calls: " + invariants.callsSummary());
			List<Submission> accepted = this.submissions.stream().filter(observed::accepted).toList();
			int queued = (int) accepted.stream()
				.filter((s) -> topics.of(Topics.LIFECYCLE)
					.stream()
					.anyMatch((r) -> s.job().jobId().equals(r.key()) && "JobQueued".equals(r.type())))
				.count();
			return new ChaosReport(this.options.seed(), accepted.size(), this.submissions.size() - accepted.size(),
					queued, recoveries.counts(), recoveries.lines(), total, checked,
					Chaos.seconds(System.nanoTime() - begin));
		}
	}

	private void submitRegular(List<PlannedJob> plan, Ingress ingress, long start) {
		List<PlannedJob> regular = plan.stream().filter((job) -> !job.burst()).toList();
		long window = this.options.duration().toNanos() * 95 / 100;
		for (int i = 0; i < regular.size(); i++) {
			Chaos.sleep((start + window * i / regular.size() - System.nanoTime()) / 1_000_000);
			submit(ingress, regular.get(i));
		}
	}

	private void submit(Ingress ingress, PlannedJob job) {
		try {
			this.submissions.add(ingress.submit(job));
		}
		catch (RuntimeException ex) {
			this.out.accept("  " + ex.getMessage());
			this.submissions.add(new Submission(job, -1, ex.getMessage(), System.nanoTime(), 0));
		}
	}

	/**
	 * S1 for a while, with a burst of jobs: the hub runs one at a time, the rest queue.
	 */
	private void burst(List<PlannedJob> plan, Ingress ingress, HubControl hub, int holdSeconds) {
		hub.tier("S1");
		long switched = System.nanoTime();
		List<PlannedJob> burst = plan.stream().filter(PlannedJob::burst).toList();
		burst.forEach((job) -> submit(ingress, job));
		this.out.accept("  hub on S1; " + burst.size() + " jobs submitted; back to unlimited in " + holdSeconds + " s");
		Chaos.sleep(holdSeconds * 1000L - (System.nanoTime() - switched) / 1_000_000);
		hub.tier("unlimited");
	}

	/** Waits until every accepted job has its final event, or its deadline passed. */
	private Observed drain(TopicRecorder topics) {
		long deadline = System.nanoTime()
				+ Duration.ofSeconds(this.options.maxExecutionSeconds()).plus(ChaosOptions.TERMINAL_MARGIN).toNanos();
		long lastReport = 0;
		while (true) {
			Observed observed = new Observed(topics);
			List<Submission> accepted = this.submissions.stream().filter(observed::accepted).toList();
			Set<String> unfinished = observed.unfinished(accepted);
			if (unfinished.isEmpty() || System.nanoTime() > deadline) {
				Chaos.sleep(2000);
				return new Observed(topics);
			}
			if (System.nanoTime() - lastReport > 15_000_000_000L) {
				this.out.accept("  waiting for " + unfinished.size() + " of " + accepted.size() + " jobs to finish");
				lastReport = System.nanoTime();
			}
			Chaos.sleep(1000);
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
