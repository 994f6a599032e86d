package dev.fleetjobs.executor.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.ScheduleJob;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Kafka inbound adapter: translates a batch of {@code fleetjobs.commands} records into
 * commands (a record the deserializer could not read arrives with its bytes and the
 * reason) and hands it to the service. The batch runs in a Kafka transaction: its
 * lifecycle events, dead letters and offsets commit together, or not at all.
 */
@Component
class JobCommandListener {

	private static final LogAccessor log = new LogAccessor(JobCommandListener.class);

	private final JobSchedulingService scheduling;

	private final SchedulingMetrics metrics;

	private final Clock clock;

	JobCommandListener(JobSchedulingService scheduling, SchedulingMetrics metrics, Clock clock) {
		this.scheduling = scheduling;
		this.metrics = metrics;
		this.clock = clock;
	}

	@KafkaListener(id = "jobCommands", topics = Topics.COMMANDS, groupId = "${spring.application.name}", batch = "true",
			concurrency = "${fleetjobs.scheduling.listener-concurrency:12}")
	void onCommands(List<ConsumerRecord<String, Object>> records) {
		long now = this.clock.millis();
		for (ConsumerRecord<String, Object> record : records) {
			if (record.timestampType() != TimestampType.NO_TIMESTAMP_TYPE) {
				this.metrics.waited(Duration.ofMillis(now - record.timestamp()));
			}
		}
		this.scheduling.handle(records.stream().map(JobCommandListener::incoming).toList());
	}

	static IncomingCommand incoming(ConsumerRecord<String, Object> record) {
		CommandOrigin origin = origin(record);
		Object value = record.value();
		if (value instanceof ScheduleJob schedule) {
			return new IncomingCommand.Schedule(schedule, origin);
		}
		if (value instanceof CancelJob cancel) {
			return new IncomingCommand.Cancel(cancel, origin);
		}
		if (value != null) {
			return new IncomingCommand.Malformed(value, "WRONG_TYPE", Topics.COMMANDS
					+ " carries ScheduleJob and CancelJob records, not " + value.getClass().getSimpleName(), origin);
		}
		DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
		if (failure != null) {
			return new IncomingCommand.Malformed((failure.getData() != null) ? failure.getData() : new byte[0],
					"UNPARSEABLE", reason(failure), origin);
		}
		return new IncomingCommand.Malformed(new byte[0], "EMPTY", "The record has no value", origin);
	}

	private static CommandOrigin origin(ConsumerRecord<String, Object> record) {
		List<CommandOrigin.Header> headers = new ArrayList<>();
		for (Header header : record.headers()) {
			if (!header.key().startsWith(SerializationUtils.DESERIALIZER_EXCEPTION_HEADER_PREFIX)) {
				headers.add(new CommandOrigin.Header(header.key(), header.value()));
			}
		}
		return new CommandOrigin(record.topic(), record.partition(), record.offset(), record.key(), headers);
	}

	/** The innermost cause's message: what was wrong with the bytes. */
	private static String reason(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return "The record could not be read as a command: " + message.lines().findFirst().orElse(message);
	}

}
