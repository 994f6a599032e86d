package dev.fleetjobs.status.view;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.status.metrics.StatusMetrics;

import dev.fleetjobs.status.system.DaemonThreads;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live progress as Server-Sent Events: each stream first gets the job's latest progress,
 * then every newer one as the view receives it ({@code event: progress}, {@code id} = the
 * sequence), and ends after the final event (results complete). All sends happen on one
 * sender thread, so a slow client never holds up the view.
 */
@Component
class ProgressStreams implements DisposableBean {

	private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();

	private final JobViewStore store;

	private final ViewProperties properties;

	private final ScheduledExecutorService sender = Executors
		.newSingleThreadScheduledExecutor(DaemonThreads.named("progress-streams"));

	ProgressStreams(JobViewStore store, ViewProperties properties, StatusMetrics metrics) {
		this.store = store;
		this.properties = properties;
		metrics.gauge("fleetjobs.status.streams", "Open Server-Sent Event streams", this::open);
		store.onProgress((progress) -> this.sender.execute(() -> deliver(progress)));
		long heartbeat = properties.heartbeat().toMillis();
		this.sender.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
	}

	/** Opens a stream of the job's progress, starting with its latest event. */
	SseEmitter open(String jobId) {
		SseEmitter emitter = new SseEmitter(this.properties.streamTimeout().toMillis());
		Stream stream = new Stream(jobId, emitter);
		this.streams.computeIfAbsent(jobId, (id) -> ConcurrentHashMap.newKeySet()).add(stream);
		emitter.onCompletion(() -> remove(stream));
		emitter.onTimeout(() -> remove(stream));
		emitter.onError((ex) -> remove(stream));
		this.sender.execute(() -> this.store.latest(jobId).ifPresent(stream::send));
		return emitter;
	}

	int open() {
		return this.streams.values().stream().mapToInt(Set::size).sum();
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

		final SseEmitter emitter;

		long lastSent;

		Stream(String jobId, SseEmitter emitter) {
			this.jobId = jobId;
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
