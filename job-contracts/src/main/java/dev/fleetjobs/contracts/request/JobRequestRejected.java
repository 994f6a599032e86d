package dev.fleetjobs.contracts.request;

import java.time.Instant;

/**
 * A request that was refused before it became a command. Published on
 * {@code fleetjobs.request-rejections}, keyed by request id, so that the upstream system
 * can correlate it with what it sent.
 *
 * @param requestId the request's id, or the Kafka record key when the request named none
 * or could not be parsed
 * @param jobId the jobId the request would have had, when it could be derived
 * @param channel {@code kafka} or {@code rest}
 * @param errorCode a stable code: {@code VALIDATION_FAILED}, {@code UNPARSEABLE},
 * {@code UNKNOWN_FIELD}, {@code WRONG_TYPE}, {@code TOO_LARGE},
 * {@code REQUEST_ID_CONFLICT} or {@code INTERNAL_ERROR}
 * @param field the JSON path of the failing field, when one field is to blame
 * @param reason a readable reason
 * @param rejectedAt when it was refused
 */
public record JobRequestRejected(String requestId, String jobId, String channel, String errorCode, String field,
		String reason, Instant rejectedAt) {
}
