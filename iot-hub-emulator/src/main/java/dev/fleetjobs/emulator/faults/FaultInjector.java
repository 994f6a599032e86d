package dev.fleetjobs.emulator.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults in force. For each call, the first fault (in the order they were added) that
 * matches the operation and selects the call applies; a fault limited to a number of
 * calls is removed once used up.
 */
public final class FaultInjector {

	private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);

	private final List<Active> faults = new CopyOnWriteArrayList<>();

	private final AtomicLong ids = new AtomicLong();

	private final Supplier<? extends Collection<String>> operations;

	/** Faults for any operation name. */
	public FaultInjector() {
		this(Set::of);
	}

	/**
	 * Faults for the operations the supplier names (e.g. the REST routes); a fault that
	 * matches none of them is refused, so a typo does not silently inject nothing.
	 */
	public FaultInjector(Supplier<? extends Collection<String>> operations) {
		this.operations = operations;
	}

	/**
	 * Adds a fault; returns its id, for {@link #remove}.
	 * @throws IllegalArgumentException when the fault matches no known operation
	 */
	public String inject(Fault fault) {
		Collection<String> known = this.operations.get();
		if (!known.isEmpty() && known.stream().noneMatch(fault::matches)) {
			throw new IllegalArgumentException("A fault's operation is '*', a prefix such as 'jobs.*', or one of "
					+ String.join(", ", known) + ": " + fault.operation());
		}
		Active active = new Active("fault-" + this.ids.incrementAndGet(), fault);
		this.faults.add(active);
		log.info("Injected {}: {}", active.id, fault);
		return active.id;
	}

	public boolean remove(String id) {
		return this.faults.removeIf((active) -> active.id.equals(id));
	}

	public void clear() {
		this.faults.clear();
	}

	/** The faults in force, with how many calls each has hit. */
	public List<State> list() {
		List<State> states = new ArrayList<>();
		for (Active active : this.faults) {
			synchronized (active) {
				states.add(new State(active.id, active.fault, active.hits, active.remaining));
			}
		}
		return states;
	}

	/** The fault for this call of the operation, or null. */
	public Fault next(String operation) {
		for (Active active : this.faults) {
			if (active.fault.matches(operation) && active.select()) {
				if (active.usedUp()) {
					this.faults.remove(active);
				}
				return active.fault;
			}
		}
		return null;
	}

	/**
	 * A fault in force.
	 *
	 * @param id its id
	 * @param fault the fault
	 * @param hits the calls it hit so far
	 * @param remaining the calls it will still hit, or null for no limit
	 */
	public record State(String id, Fault fault, long hits, Integer remaining) {
	}

	private static final class Active {

		final String id;

		final Fault fault;

		final Random random;

		long hits;

		Integer remaining;

		Active(String id, Fault fault) {
			this.id = id;
			this.fault = fault;
			this.random = new Random(fault.seed());
			this.remaining = fault.times();
		}

		synchronized boolean select() {
			if (this.remaining != null && this.remaining <= 0) {
				return false;
			}
			if (this.fault.fraction() != null && this.random.nextDouble() >= this.fault.fraction()) {
				return false;
			}
			this.hits++;
			if (this.remaining != null) {
				this.remaining--;
			}
			return true;
		}

		synchronized boolean usedUp() {
			return this.remaining != null && this.remaining <= 0;
		}

	}

}
