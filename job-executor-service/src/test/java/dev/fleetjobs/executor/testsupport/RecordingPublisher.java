package dev.fleetjobs.executor.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.fleetjobs.executor.scheduling.DeadLetter;
import dev.fleetjobs.executor.scheduling.LifecyclePublisher;

/** Records what would be published, for unit tests of the service logic. */
public final class RecordingPublisher implements LifecyclePublisher {

	private final List<Published> events = new CopyOnWriteArrayList<>();

	private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

	private int transactions;

	@Override
	public void publish(String jobId, int partition, Object event) {
		this.events.add(new Published(jobId, partition, event));
	}

	@Override
	public void deadLetter(DeadLetter letter) {
		this.deadLetters.add(letter);
	}

	@Override
	public void inNewTransaction(Runnable work) {
		this.transactions++;
		work.run();
	}

	/** Every event, in order. */
	public List<Object> events() {
		return this.events.stream().map(Published::event).toList();
	}

	/** Events of one type, in order. */
	public <T> List<T> events(Class<T> type) {
		return this.events.stream().map(Published::event).filter(type::isInstance).map(type::cast).toList();
	}

	public List<Published> published() {
		return new ArrayList<>(this.events);
	}

	public List<DeadLetter> deadLetters() {
		return this.deadLetters;
	}

	public int transactions() {
		return this.transactions;
	}

	/** An event with its key and partition. */
	public record Published(String jobId, int partition, Object event) {
	}

}
