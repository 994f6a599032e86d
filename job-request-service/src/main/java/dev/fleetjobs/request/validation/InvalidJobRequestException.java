package dev.fleetjobs.request.validation;

import java.util.List;

/**
 * A job request that breaks one or more rules. Never retried: the same input fails the
 * same way.
 */
public class InvalidJobRequestException extends RuntimeException {

	private final transient List<Violation> violations;

	public InvalidJobRequestException(List<Violation> violations) {
		super(violations.get(0).describe());
		this.violations = List.copyOf(violations);
	}

	public InvalidJobRequestException(Violation violation) {
		this(List.of(violation));
	}

	/** Every violation, the most important first. */
	public List<Violation> violations() {
		return this.violations;
	}

	/** The first violation; its field and code go into DLT headers. */
	public Violation primary() {
		return this.violations.get(0);
	}

}
