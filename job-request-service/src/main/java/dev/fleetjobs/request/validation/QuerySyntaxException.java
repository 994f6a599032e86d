package dev.fleetjobs.request.validation;

/**
 * A query condition that is not valid in IoT Hub's query language. The message names the
 * problem and its 1-based position.
 */
class QuerySyntaxException extends RuntimeException {

	QuerySyntaxException(String message, int position) {
		super(message + " at position " + (position + 1));
	}

}
