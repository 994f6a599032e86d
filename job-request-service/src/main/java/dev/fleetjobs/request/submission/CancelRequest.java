package dev.fleetjobs.request.submission;

import jakarta.validation.constraints.Size;

/**
 * The optional body of {@code POST /api/jobs/{jobId}/cancel}.
 *
 * @param reason why, free text, at most 512 characters
 */
record CancelRequest(@Size(max = 512) String reason) {
}
