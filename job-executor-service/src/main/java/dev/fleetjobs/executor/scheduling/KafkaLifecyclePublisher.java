package dev.fleetjobs.executor.scheduling;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.fleetjobs.contracts.CloudEventHeaders;
import dev.fleetjobs.contracts.DltHeaders;
import dev.fleetjobs.contracts.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Publishes with the transactional template: inside a listener the records join the
 * listener's transaction (committed with the offsets by the container), elsewhere
 * {@link #inNewTransaction} commits them. The commit is the broker's acknowledgement of
 * every record of the transaction, so no send is awaited one by one. Lifecycle events
 * carry the CloudEvents headers and the {@code __TypeId__} logical name (added by the
 * serializer); dead letters keep the command's headers and add the reason.
 */
@Component
class KafkaLifecyclePublisher implements LifecyclePublisher {

	static final String SOURCE = "/job-executor-service";

	private final KafkaTemplate<String, Object> kafka;

	KafkaLifecyclePublisher(KafkaTemplate<String, Object> kafka) {
		this.kafka = kafka;
	}

	@Override
	public void publish(String jobId, int partition, Object event) {
		ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.LIFECYCLE, partition, jobId, event);
		CloudEventHeaders.of(event, SOURCE, jobId).forEach((name, value) -> add(record.headers(), name, value));
		send(record);
	}

	@Override
	public void deadLetter(DeadLetter letter) {
		CommandOrigin origin = letter.origin();
		Object value = (letter.value() != null) ? letter.value() : new byte[0];
		ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.COMMANDS_DLT, origin.partition(),
				origin.key(), value);
		for (CommandOrigin.Header header : origin.headers()) {
			if (!"__TypeId__".equals(header.name()) || value instanceof byte[]) {
				record.headers().add(header.name(), header.value());
			}
		}
		add(record.headers(), DltHeaders.REASON, letter.reason());
		add(record.headers(), DltHeaders.ERROR_CODE, letter.errorCode());
		if (letter.field() != null) {
			add(record.headers(), DltHeaders.FIELD, letter.field());
		}
		add(record.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC, origin.topic());
		record.headers()
			.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(origin.partition()).array());
		if (origin.offset() >= 0) {
			record.headers()
				.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(origin.offset()).array());
		}
		add(record.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE, letter.reason());
		send(record);
	}

	@Override
	public void inNewTransaction(Runnable work) {
		try {
			this.kafka.executeInTransaction((operations) -> {
				work.run();
				return null;
			});
		}
		catch (KafkaException | org.apache.kafka.common.KafkaException ex) {
			throw new PublishException("The transaction did not commit: " + ex.getMessage(), ex);
		}
	}

	private void send(ProducerRecord<String, Object> record) {
		try {
			this.kafka.send(record);
		}
		catch (KafkaException | org.apache.kafka.common.KafkaException ex) {
			throw new PublishException("Kafka refused a record for " + record.topic() + ": " + ex.getMessage(), ex);
		}
	}

	private static void add(Headers headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
