package dev.fleetjobs.request.submission;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import dev.fleetjobs.contracts.CloudEventHeaders;
import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.request.idempotency.RequestFingerprint;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes commands with the jobId as key, the CloudEvents headers, and the
 * {@code __TypeId__} logical type name (added by the JSON serializer).
 */
@Component
class KafkaCommandPublisher implements CommandPublisher {

	static final String SOURCE = "/job-request-service";

	private final KafkaTemplate<String, Object> kafka;

	KafkaCommandPublisher(KafkaTemplate<String, Object> kafka) {
		this.kafka = kafka;
	}

	@Override
	public CompletableFuture<Void> schedule(ScheduleJob command, String fingerprint) {
		ProducerRecord<String, Object> record = record(command.jobId(), command);
		record.headers().add(RequestFingerprint.HEADER, fingerprint.getBytes(StandardCharsets.UTF_8));
		return send(this.kafka, record);
	}

	@Override
	public CompletableFuture<Void> cancel(CancelJob command) {
		return send(this.kafka, record(command.jobId(), command));
	}

	private static ProducerRecord<String, Object> record(String jobId, Object command) {
		ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.COMMANDS, jobId, command);
		CloudEventHeaders.of(command, SOURCE, jobId)
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

	/**
	 * Sends, turning a synchronous failure (e.g. no metadata within max.block.ms) into a
	 * failed future.
	 */
	static CompletableFuture<Void> send(KafkaTemplate<String, Object> kafka, ProducerRecord<String, Object> record) {
		try {
			return kafka.send(record).thenApply((result) -> null);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

}
