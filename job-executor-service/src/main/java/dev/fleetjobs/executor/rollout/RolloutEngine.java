package dev.fleetjobs.executor.rollout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.executor.queueing.PartitionOwner;
import dev.fleetjobs.executor.rollout.FeedbackReader.Feedback;
import dev.fleetjobs.executor.rollout.RolloutRecord.Cursor;
import dev.fleetjobs.executor.rollout.RolloutStore.Partition;
import dev.fleetjobs.executor.scheduling.LifecyclePublisher;
import dev.fleetjobs.executor.scheduling.PublishException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Drives the rollouts of the partitions this instance owns, on one thread: it takes
 * accepted rollouts and cancels from the commands listener, folds job-status-service's
 * feedback (wave progress and device results), lets each rollout decide (start, waves,
 * retries, windows, end time, abort, end), and commits what changed (state records,
 * lifecycle events and the feedback position) in one Kafka transaction per round. If a
 * commit fails, it reads its partitions back from Kafka and carries on from there (a wave
 * created on the hub in the lost round is adopted by the probe).
 */
@Component
public class RolloutEngine implements SmartLifecycle, PartitionOwner {

	private static final Logger log = LoggerFactory.getLogger(RolloutEngine.class);

	private final RolloutDecisions decisions;

	private final RolloutStore store;

	private final LifecyclePublisher publisher;

	private final ConsumerFactory<String, Object> consumers;

	private final JsonMapper json;

	private final RolloutMetrics metrics;

	private final Clock clock;

	private final RolloutProperties properties;

	private final Map<String, RolloutRun> runs = new LinkedHashMap<>();

	private final Map<Integer, Cursor> cursors = new HashMap<>();

	private final Set<Integer> owned = new HashSet<>();

	private final Map<String, Known> known = new ConcurrentHashMap<>();

	private final LinkedBlockingQueue<Runnable> control = new LinkedBlockingQueue<>();

	private volatile FeedbackReader feedback;

	private volatile boolean running;

	private Thread thread;

	RolloutEngine(RolloutDecisions decisions, RolloutStore store, LifecyclePublisher publisher,
			ConsumerFactory<String, Object> consumers, JsonMapper json, RolloutMetrics metrics, Clock clock,
			RolloutProperties properties) {
		this.decisions = decisions;
		this.store = store;
		this.publisher = publisher;
		this.consumers = consumers;
		this.json = json;
		this.metrics = metrics;
		this.clock = clock;
		this.properties = properties;
		metrics.activeRollouts(this.known);
	}

	/** What the commands listener knows of a rollout of an owned partition. */
	public Optional<Known> known(String jobId) {
		return Optional.ofNullable(this.known.get(jobId));
	}

	/** A rollout whose acceptance was committed: the engine takes it from here. */
	void accepted(RolloutRun run) {
		this.known.put(run.jobId(), new Known(run.command, false));
		submit(() -> {
			if (this.owned.contains(run.partition) && !this.runs.containsKey(run.jobId())) {
				this.runs.put(run.jobId(), run);
			}
		});
	}

	/** A cancel whose record was committed. */
	void cancelRequested(String jobId, CancelJob cancel) {
		submit(() -> {
			RolloutRun run = this.runs.get(jobId);
			if (run != null && run.cancel == null) {
				run.cancel = cancel;
			}
		});
	}

	/** Reads the partitions' rollouts (on the caller's thread), then hands them over. */
	@Override
	public void assigned(Collection<Integer> partitions) {
		List<Partition> loaded = partitions.stream().map(this.store::read).toList();
		await(() -> {
			for (Partition partition : loaded) {
				this.owned.add(partition.partition());
				if (partition.cursor() != null) {
					this.cursors.put(partition.partition(), partition.cursor());
				}
				partition.runs().forEach(this::take);
			}
			this.feedback.assign(this.owned, this.cursors);
			log.info("Rollout partitions {} taken: {} rollout(s), {} unfinished", partitions,
					loaded.stream().mapToInt((partition) -> partition.runs().size()).sum(),
					loaded.stream()
						.flatMap((partition) -> partition.runs().stream())
						.filter((run) -> !run.isEnded())
						.count());
		}, "load partitions " + partitions);
	}

	@Override
	public void revoked(Collection<Integer> partitions) {
		await(() -> drop(partitions), "let go of partitions " + partitions);
	}

	private void take(RolloutRun run) {
		this.runs.put(run.jobId(), run);
		this.known.put(run.jobId(), new Known(run.command, run.isEnded()));
	}

	private void drop(Collection<Integer> partitions) {
		this.owned.removeAll(partitions);
		partitions.forEach(this.cursors::remove);
		this.runs.values().removeIf((run) -> partitions.contains(run.partition));
		this.known.values().removeIf((known) -> !this.runs.containsKey(known.command().jobId()));
		this.feedback.assign(this.owned, this.cursors);
	}

	private void submit(Runnable task) {
		this.control.add(task);
		FeedbackReader reader = this.feedback;
		if (reader != null) {
			reader.wakeup();
		}
	}

	private void await(Runnable task, String what) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		submit(() -> {
			try {
				task.run();
				done.complete(null);
			}
			catch (RuntimeException ex) {
				done.completeExceptionally(ex);
			}
		});
		try {
			done.get(this.properties.handoverTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the rollout engine would " + what, ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The rollout engine could not " + what + ": " + ex.getMessage(), ex);
		}
	}

	private void loop() {
		while (this.running) {
			try {
				round();
			}
			catch (RuntimeException ex) {
				log.error("Rollout round failed; reading the rollouts back from Kafka", ex);
				pause(this.properties.retryInterval());
				reloadAll();
			}
		}
	}

	private void round() {
		Runnable task;
		while ((task = this.control.poll()) != null) {
			task.run();
		}
		if (this.owned.isEmpty()) {
			try {
				task = this.control.poll(1, TimeUnit.SECONDS);
				if (task != null) {
					task.run();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running = false;
			}
			return;
		}
		Round round = new Round();
		List<Feedback> arrived = this.feedback.poll(untilNextDue());
		Instant now = this.clock.instant();
		this.decisions.fold(this.runs, arrived, round, now);
		arrived.forEach((item) -> round.moved.add(item.partition()));
		for (RolloutRun run : this.runs.values()) {
			if (!run.isEnded()) {
				this.decisions.step(run, this.clock.instant(), round);
			}
		}
		commit(round);
	}

	/** How long the feedback poll may wait: until the next rollout's due time. */
	private Duration untilNextDue() {
		Instant now = this.clock.instant();
		Instant due = now.plus(this.properties.tick());
		for (RolloutRun run : this.runs.values()) {
			Instant next = RolloutDecisions.nextDue(run);
			if (next != null && next.isBefore(due)) {
				due = next;
			}
		}
		Duration wait = Duration.between(now, due);
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	private void commit(Round round) {
		if (round.changed.isEmpty()) {
			return;
		}
		Set<Integer> partitions = new HashSet<>(round.moved);
		round.changed.forEach((run) -> partitions.add(run.partition));
		Map<Integer, Cursor> positions = new HashMap<>();
		for (int partition : partitions) {
			Cursor position = this.feedback.position(partition);
			if (position != null) {
				positions.put(partition, position);
			}
		}
		try {
			this.publisher.inNewTransaction(() -> {
				for (RolloutRun run : round.changed) {
					this.store.rollout(run);
					if (run.isEnded()) {
						this.store.forgetDetails(run, run.chunkCount());
					}
					else {
						run.unsavedChunks().forEach((chunk, ids) -> this.store.chunk(run, chunk, ids));
					}
				}
				for (Round.Event event : round.events) {
					this.publisher.publish(event.run().jobId(), event.run().partition, event.payload());
				}
				positions.forEach(this.store::cursor);
			});
		}
		catch (PublishException ex) {
			log.warn("Rollout decisions of {} rollout(s) did not commit ({}); reading them back", round.changed.size(),
					ex.getMessage());
			reloadAll();
			return;
		}
		this.cursors.putAll(positions);
		for (RolloutRun run : round.changed) {
			run.savedChunks = run.chunkCount();
			this.known.put(run.jobId(), new Known(run.command, run.isEnded()));
			if (run.isEnded()) {
				run.targets.clear();
			}
		}
		round.events.forEach((event) -> this.metrics.decision(event.payload()));
	}

	/** Forgets the in-memory state and reads every owned partition back. */
	private void reloadAll() {
		Set<Integer> partitions = Set.copyOf(this.owned);
		this.runs.clear();
		this.cursors.clear();
		this.owned.clear();
		this.feedback.assign(Set.of(), this.cursors);
		for (int partition : partitions) {
			try {
				Partition loaded = this.store.read(partition);
				this.owned.add(partition);
				if (loaded.cursor() != null) {
					this.cursors.put(partition, loaded.cursor());
				}
				loaded.runs().forEach(this::take);
			}
			catch (RuntimeException ex) {
				log.warn("Partition {} of the rollouts could not be read ({}); retrying", partition, ex.getMessage());
				this.owned.add(partition);
				submit(this::reloadAll);
				pause(this.properties.retryInterval());
				return;
			}
		}
		this.feedback.assign(this.owned, this.cursors);
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		this.feedback = new FeedbackReader(this.consumers, this.json);
		this.running = true;
		this.thread = new Thread(this::loop, "rollout-engine");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		FeedbackReader reader = this.feedback;
		if (reader != null) {
			reader.wakeup();
		}
		if (this.thread != null) {
			try {
				this.thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (reader != null) {
			reader.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Starts before the listener containers (which hand it partitions) and stops after.
	 */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE / 2;
	}

	/**
	 * A rollout as the commands listener sees it.
	 *
	 * @param command its command (for duplicates)
	 * @param ended whether it ended (a cancel then fails)
	 */
	public record Known(ScheduleJob command, boolean ended) {
	}

	/** What one round changed: the rollouts to save, their events, and moved feedback. */
	static final class Round {

		final Set<RolloutRun> changed = new java.util.LinkedHashSet<>();

		final List<Event> events = new ArrayList<>();

		final Set<Integer> moved = new HashSet<>();

		void changed(RolloutRun run) {
			this.changed.add(run);
		}

		void event(RolloutRun run, Object payload) {
			this.changed.add(run);
			this.events.add(new Event(run, payload));
		}

		record Event(RolloutRun run, Object payload) {
		}

	}

}
