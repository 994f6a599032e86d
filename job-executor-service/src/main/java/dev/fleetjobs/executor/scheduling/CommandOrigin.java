package dev.fleetjobs.executor.scheduling;

import java.util.List;

/**
 * Where a command came from: its record on {@code fleetjobs.commands}. Dead letters go to
 * the same partition of the DLT, with these coordinates and the original headers.
 *
 * @param topic the topic
 * @param partition the partition (the job's lifecycle events go to the same one)
 * @param offset the offset, or -1 when unknown (a command rebuilt from the lifecycle)
 * @param key the record key (the jobId)
 * @param headers the record's headers, in order
 */
public record CommandOrigin(String topic, int partition, long offset, String key, List<Header> headers) {

	public CommandOrigin {
		headers = List.copyOf(headers);
	}

	/** An origin known only by partition (a queued command rebuilt after a restart). */
	public static CommandOrigin rebuilt(String topic, int partition, String jobId) {
		return new CommandOrigin(topic, partition, -1, jobId, List.of());
	}

	/**
	 * One record header.
	 *
	 * @param name the header name
	 * @param value the raw value
	 */
	public record Header(String name, byte[] value) {
	}

}
