package dev.fleetjobs.status.tracking;

import java.nio.charset.StandardCharsets;

import dev.fleetjobs.contracts.DltHeaders;
import dev.fleetjobs.contracts.Topics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The lifecycle listener's error handler. Unreadable records and invalid events go to
 * {@code fleetjobs.lifecycle.dlt} (same partition) at once, with the reason, error code
 * and field in {@link DltHeaders}; a valid event that cannot be handled yet (Kafka or the
 * view unavailable) is retried with backoff until it goes through, never lost; anything
 * else is retried three times, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(LifecycleErrorHandling.class);

	static final String UNPARSEABLE = "UNPARSEABLE";

	static final String PROCESSING_FAILED = "PROCESSING_FAILED";

	@Bean
	CommonErrorHandler lifecycleErrorHandler(KafkaOperations<Object, Object> kafka) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(record.topic() + Topics.DLT_SUFFIX, record.partition()));
		recoverer.setHeadersFunction((record, ex) -> {
			Headers headers = reasonHeaders(ex);
			log.warn("Lifecycle record {}-{}@{} (key {}) goes to the DLT: {}", record.topic(), record.partition(),
					record.offset(), record.key(),
					new String(headers.lastHeader(DltHeaders.REASON).value(), StandardCharsets.UTF_8));
			return headers;
		});
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(1000, 3));
		handler.addNotRetryableExceptions(InvalidLifecycleEventException.class);
		ExponentialBackOff untilPublished = new ExponentialBackOff(500, 2.0);
		untilPublished.setMaxInterval(10_000);
		handler.setBackOffFunction(
				(record, ex) -> (cause(ex) instanceof TransientTrackingException) ? untilPublished : null);
		return handler;
	}

	static Headers reasonHeaders(Exception ex) {
		Throwable cause = cause(ex);
		String code = PROCESSING_FAILED;
		String field = null;
		if (cause instanceof InvalidLifecycleEventException invalid) {
			code = invalid.errorCode();
			field = invalid.field();
		}
		else if (ex instanceof DeserializationException || cause instanceof DeserializationException) {
			code = UNPARSEABLE;
		}
		String reason = String.valueOf(cause.getMessage());
		if (UNPARSEABLE.equals(code) && cause.getCause() != null) {
			reason = reason + ": " + NestedExceptionUtils.getMostSpecificCause(cause).getMessage();
		}
		Headers headers = new RecordHeaders();
		headers.add(DltHeaders.REASON, bytes(reason));
		headers.add(DltHeaders.ERROR_CODE, bytes(code));
		if (field != null) {
			headers.add(DltHeaders.FIELD, bytes(field));
		}
		return headers;
	}

	private static Throwable cause(Exception ex) {
		Throwable invalid = ex;
		while (invalid != null) {
			if (invalid instanceof InvalidLifecycleEventException || invalid instanceof TransientTrackingException
					|| invalid instanceof DeserializationException) {
				return invalid;
			}
			invalid = invalid.getCause();
		}
		return NestedExceptionUtils.getMostSpecificCause(ex);
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
