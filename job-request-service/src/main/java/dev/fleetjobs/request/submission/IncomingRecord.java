package dev.fleetjobs.request.submission;

import java.util.List;

/**
 * A record from {@code fleetjobs.requests}, as received: the service sees no Kafka types.
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the offset
 * @param key the key, or {@code null}
 * @param value the raw value, or {@code null}
 * @param headers the original headers, kept on the dead-letter record
 */
record IncomingRecord(String topic, int partition, long offset, String key, byte[] value, List<Header> headers) {

	record Header(String name, byte[] value) {
	}

}
