package dev.fleetjobs.request.submission;

import java.time.Instant;

/**
 * The answer to {@code POST /api/jobs/{jobId}/cancel}: the CancelJob command is on
 * {@code fleetjobs.commands}.
 *
 * @param jobId the job
 * @param status always {@code CANCEL_REQUESTED}
 * @param requestedAt when the cancel was accepted
 */
record CancelAccepted(String jobId, String status, Instant requestedAt) {

	static final String CANCEL_REQUESTED = "CANCEL_REQUESTED";

}
