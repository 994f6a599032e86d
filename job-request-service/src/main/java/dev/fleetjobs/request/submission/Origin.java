package dev.fleetjobs.request.submission;

/**
 * Where a request came from.
 *
 * @param channel {@code rest} or {@code kafka}
 * @param principal the API key name or JWT subject, or the Kafka topic
 */
record Origin(String channel, String principal) {

	static final String REST = "rest";

	static final String KAFKA = "kafka";

	static Origin rest(String principal) {
		return new Origin(REST, principal);
	}

	static Origin kafka(String topic) {
		return new Origin(KAFKA, topic);
	}

}
