package dev.fleetjobs.request.submission;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import dev.fleetjobs.contracts.CloudEventHeaders;
import dev.fleetjobs.contracts.DltHeaders;
import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.request.JobRequestRejected;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends a refused record to {@code fleetjobs.requests.dlt} (same key, bytes and headers,
 * same partition when the DLT has it, plus the reason headers and Spring Kafka's
 * {@code kafka_dlt-original-*} headers) and a {@code JobRequestRejected} event, keyed by
 * request id, to {@code fleetjobs.request-rejections}.
 */
@Component
class KafkaRejectionPublisher implements RejectionPublisher {

	private final KafkaTemplate<String, Object> kafka;

	KafkaRejectionPublisher(KafkaTemplate<String, Object> kafka) {
		this.kafka = kafka;
	}

	@Override
	public CompletableFuture<Void> reject(IncomingRecord record, JobRequestRejected rejection) {
		CompletableFuture<Void> deadLetter = KafkaCommandPublisher.send(this.kafka, deadLetter(record, rejection));
		ProducerRecord<String, Object> event = new ProducerRecord<>(Topics.REQUEST_REJECTIONS, rejection.requestId(),
				rejection);
		CloudEventHeaders.of(rejection, KafkaCommandPublisher.SOURCE, rejection.jobId())
			.forEach((name, value) -> event.headers().add(name, utf8(value)));
		return CompletableFuture.allOf(deadLetter, KafkaCommandPublisher.send(this.kafka, event));
	}

	private ProducerRecord<String, Object> deadLetter(IncomingRecord record, JobRequestRejected rejection) {
		Integer partition = (record.partition() < this.kafka.partitionsFor(Topics.REQUESTS_DLT).size())
				? record.partition() : null;
		ProducerRecord<String, Object> dead = new ProducerRecord<>(Topics.REQUESTS_DLT, partition, record.key(),
				(record.value() != null) ? record.value() : new byte[0]);
		Headers headers = dead.headers();
		record.headers().forEach((header) -> headers.add(header.name(), header.value()));
		headers.add(DltHeaders.REASON, utf8(describe(rejection)));
		headers.add(DltHeaders.ERROR_CODE, utf8(rejection.errorCode()));
		if (rejection.field() != null) {
			headers.add(DltHeaders.FIELD, utf8(rejection.field()));
		}
		headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(record.topic()));
		headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(record.partition()).array());
		headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(record.offset()).array());
		headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(rejection.reason()));
		return dead;
	}

	private static String describe(JobRequestRejected rejection) {
		return (rejection.field() != null) ? rejection.field() + ": " + rejection.reason() : rejection.reason();
	}

	private static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
