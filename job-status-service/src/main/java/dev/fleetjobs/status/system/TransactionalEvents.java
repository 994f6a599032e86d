package dev.fleetjobs.status.system;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.fleetjobs.contracts.CloudEventHeaders;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.rollout.RolloutHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes this service's events in Kafka transactions: a progress event, or a job's
 * device results together with its final progress event, become visible to read_committed
 * consumers all at once or not at all. A separate producer factory, so that Boot's
 * (non-transactional) template keeps serving dead letters and the lifecycle listener
 * stays outside any transaction.
 */
public class TransactionalEvents implements DisposableBean {

	/** The CloudEvents source of every event of this service. */
	public static final String SOURCE = "/job-status-service";

	private static final byte[] ROLLOUT_TRUE = "true".getBytes(StandardCharsets.UTF_8);

	private final DefaultKafkaProducerFactory<String, Object> factory;

	private final DefaultKafkaProducerFactory<String, Object> resultsFactory;

	private final KafkaTemplate<String, Object> observed;

	private final KafkaTemplate<String, Object> bulk;

	private final KafkaTemplate<String, Object> results;

	/**
	 * @param factory the producers of progress events and of results held in memory
	 * @param resultsFactory the producers of results streamed from the hub, whose
	 * transactions may stay open for a minute
	 */
	TransactionalEvents(DefaultKafkaProducerFactory<String, Object> factory,
			DefaultKafkaProducerFactory<String, Object> resultsFactory) {
		this.factory = factory;
		this.resultsFactory = resultsFactory;
		this.observed = new KafkaTemplate<>(factory);
		this.observed.setObservationEnabled(true);
		this.bulk = new KafkaTemplate<>(factory);
		this.results = new KafkaTemplate<>(resultsFactory);
	}

	/**
	 * Runs the sends in one transaction and returns once it is committed (every record
	 * acked); throws, after aborting, when any send or the commit fails. Each send is
	 * observed (traced and timed).
	 */
	public void inTransaction(Consumer<KafkaOperations<String, Object>> sends) {
		execute(this.observed, sends);
	}

	/**
	 * Like {@link #inTransaction}, for thousands of records at once (a job's device
	 * results): the sends are not observed one by one.
	 */
	public void inBulkTransaction(Consumer<KafkaOperations<String, Object>> sends) {
		execute(this.bulk, sends);
	}

	/**
	 * Like {@link #inBulkTransaction}, returning what the sends return: e.g. records
	 * streamed from the hub page by page, so that a transaction holds a million of them
	 * without keeping them in memory. A RuntimeException from the sends aborts it and is
	 * thrown as it is.
	 */
	public <T> T bulkTransaction(Function<KafkaOperations<String, Object>, T> sends) {
		return this.results.executeInTransaction(sends::apply);
	}

	private static void execute(KafkaTemplate<String, Object> template,
			Consumer<KafkaOperations<String, Object>> sends) {
		template.executeInTransaction((operations) -> {
			sends.accept(operations);
			return null;
		});
	}

	/**
	 * A record keyed by jobId with the CloudEvents headers of its payload, and the
	 * rollout header on a rollout's progress and device results (the executor reads only
	 * those).
	 */
	public static ProducerRecord<String, Object> event(String topic, String jobId, Object payload) {
		ProducerRecord<String, Object> record = new ProducerRecord<>(topic, jobId, payload);
		CloudEventHeaders.of(payload, SOURCE, jobId)
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		if ((payload instanceof JobProgress progress && progress.rollout() != null)
				|| (payload instanceof DeviceResult result && result.wave() != null)) {
			record.headers().add(RolloutHeaders.ROLLOUT, ROLLOUT_TRUE);
		}
		return record;
	}

	@Override
	public void destroy() {
		this.factory.destroy();
		this.resultsFactory.destroy();
	}

}
