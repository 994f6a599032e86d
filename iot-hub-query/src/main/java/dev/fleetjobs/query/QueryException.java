package dev.fleetjobs.query;

/**
 * A query that cannot be parsed or run. The message names the problem (and its position
 * when there is one); the HTTP adapter wraps it in the hub's 400 body.
 */
public class QueryException extends IllegalArgumentException {

	QueryException(String message) {
		super(message);
	}

	static QueryException at(int position, String message) {
		return new QueryException(message + " at character " + (position + 1));
	}

}
