package dev.fleetjobs.status.view;

/** A query parameter of the read API that cannot be served. */
public class InvalidQueryException extends RuntimeException {

	private final String field;

	public InvalidQueryException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
