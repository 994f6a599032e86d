package dev.fleetjobs.request.submission;

import java.util.ArrayList;
import java.util.List;

import dev.fleetjobs.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Kafka ingress: translates a batch of {@code fleetjobs.requests} records (raw bytes, so
 * that poison records reach the service instead of failing in a deserializer) and hands
 * it to the service. Offsets commit after the method returns, i.e. after every command,
 * dead letter and rejection of the batch is acked.
 */
@Component
class JobRequestListener {

	private final JobSubmissionService submissions;

	JobRequestListener(JobSubmissionService submissions) {
		this.submissions = submissions;
	}

	@KafkaListener(id = "jobRequestIngress", topics = Topics.REQUESTS, groupId = "${spring.application.name}",
			batch = "true", concurrency = "${fleetjobs.submission.ingress-concurrency:1}")
	void onJobRequests(List<ConsumerRecord<String, byte[]>> records) {
		List<IncomingRecord> incoming = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			List<IncomingRecord.Header> headers = new ArrayList<>();
			record.headers().forEach((header) -> headers.add(new IncomingRecord.Header(header.key(), header.value())));
			incoming.add(new IncomingRecord(record.topic(), record.partition(), record.offset(), record.key(),
					record.value(), headers));
		}
		this.submissions.submitAll(incoming);
	}

}
