package dev.fleetjobs.status.view;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.status.metrics.StatusMetrics;
import dev.fleetjobs.status.system.DaemonThreads;
import io.micrometer.core.instrument.Counter;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live progress as Server-Sent Events: each stream first gets the job's latest progress,
 * then every newer one as the view receives it ({@code event: progress}, {@code id} = the
 * sequence), and ends after the final event (results complete). All sends happen on one
 * sender thread, so a slow client never holds up the view. Each client (API key or JWT
 * subject) may hold {@code max-streams-per-key} streams and the instance
 * {@code max-streams}; one more is refused ({@link StreamLimitException}: 429 and 503)
 * instead of piling up open requests.
 */
@Component
class ProgressStreams implements DisposableBean {

	private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();

	private final JobViewStore store;

	private final ViewProperties properties;

	private final Map<String, Integer> perClient = new ConcurrentHashMap<>();

	private int open;

	private final Counter refusedPerKey;

	private final Counter refusedTotal;

	private final ScheduledExecutorService sender = Executors
		.newSingleThreadScheduledExecutor(DaemonThreads.named("progress-streams"));

	ProgressStreams(JobViewStore store, ViewProperties properties, StatusMetrics metrics) {
		this.store = store;
		this.properties = properties;
		metrics.gauge("fleetjobs.status.streams", "Open Server-Sent Event streams", this::open);
		this.refusedPerKey = metrics.counter("fleetjobs.status.streams.refused",
				"Server-Sent Event streams refused: 429 per-key (a client's cap), 503 total (the instance's)", "reason",
				"per-key");
		this.refusedTotal = metrics.counter("fleetjobs.status.streams.refused",
				"Server-Sent Event streams refused: 429 per-key (a client's cap), 503 total (the instance's)", "reason",
				"total");
		store.onProgress((progress) -> this.sender.execute(() -> deliver(progress)));
		long heartbeat = properties.heartbeat().toMillis();
		this.sender.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens a stream of the job's progress for a client, starting with its latest event.
	 * @throws StreamLimitException when the client or the instance holds its maximum
	 */
	SseEmitter open(String jobId, String client) {
		admit(client);
		SseEmitter emitter = new SseEmitter(this.properties.streamTimeout().toMillis());
		Stream stream = new Stream(jobId, client, emitter);
		this.streams.computeIfAbsent(jobId, (id) -> ConcurrentHashMap.newKeySet()).add(stream);
		emitter.onCompletion(() -> remove(stream));
		emitter.onTimeout(() -> remove(stream));
		emitter.onError((ex) -> remove(stream));
		this.sender.execute(() -> this.store.latest(jobId).ifPresent(stream::send));
		return emitter;
	}

	synchronized int open() {
		return this.open;
	}

	private synchronized void admit(String client) {
		if (this.open >= this.properties.maxStreams()) {
			this.refusedTotal.increment();
			throw StreamLimitException.total(this.properties.maxStreams(), this.properties.streamRetryAfter());
		}
		int held = this.perClient.getOrDefault(client, 0);
		if (held >= this.properties.maxStreamsPerKey()) {
			this.refusedPerKey.increment();
			throw StreamLimitException.perKey(this.properties.maxStreamsPerKey(), this.properties.streamRetryAfter());
		}
		this.perClient.put(client, held + 1);
		this.open++;
	}

	private synchronized void release(String client) {
		this.perClient.computeIfPresent(client, (key, held) -> (held <= 1) ? null : held - 1);
		this.open--;
	}

	private void deliver(JobProgress progress) {
		Set<Stream> listening = this.streams.get(progress.jobId());
		if (listening != null) {
			listening.forEach((stream) -> stream.send(progress));
		}
	}

	private void heartbeat() {
		this.streams.values().forEach((set) -> set.forEach(Stream::heartbeat));
	}

	private void remove(Stream stream) {
		if (!stream.ended.compareAndSet(false, true)) {
			return;
		}
		release(stream.client);
		Set<Stream> set = this.streams.get(stream.jobId);
		if (set != null) {
			set.remove(stream);
			if (set.isEmpty()) {
				this.streams.remove(stream.jobId, set);
			}
		}
	}

	@Override
	public void destroy() {
		this.sender.shutdownNow();
		this.streams.values().forEach((set) -> set.forEach((stream) -> stream.emitter.complete()));
	}

	private final class Stream {

		final String jobId;

		final String client;

		final SseEmitter emitter;

		final AtomicBoolean ended = new AtomicBoolean();

		long lastSent;

		Stream(String jobId, String client, SseEmitter emitter) {
			this.jobId = jobId;
			this.client = client;
			this.emitter = emitter;
		}

		void send(JobProgress progress) {
			if (progress.sequence() <= this.lastSent) {
				return;
			}
			try {
				this.emitter.send(SseEmitter.event()
					.name("progress")
					.id(String.valueOf(progress.sequence()))
					.data(progress, MediaType.APPLICATION_JSON));
				this.lastSent = progress.sequence();
				if (progress.resultsComplete()) {
					this.emitter.complete();
					remove(this);
				}
			}
			catch (IOException | IllegalStateException ex) {
				remove(this);
			}
		}

		void heartbeat() {
			try {
				this.emitter.send(SseEmitter.event().comment("keep-alive"));
			}
			catch (IOException | IllegalStateException ex) {
				remove(this);
			}
		}

	}

}
