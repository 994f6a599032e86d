package dev.fleetjobs.request.submission;

import java.net.URI;

import dev.fleetjobs.contracts.request.JobRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/jobs}, {@code POST /api/jobs/{jobId}/cancel} and {@code GET
 * /api/jobs/{jobId}}. The request body is read as bytes so that REST and Kafka requests
 * go through the very same strict reader.
 */
@RestController
@RequestMapping("/api/jobs")
@Tag(name = "jobs", description = "Submit and cancel IoT Hub jobs")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", description = "No or invalid credentials",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "The credentials lack the scope",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				schema = @Schema(implementation = ProblemDetail.class)))
class JobController {

	static final String LOCK_DOOR_EXAMPLE = """
			{"requestId": "lock-door-1", "target": {"deviceIds": ["door-1"]},
			 "action": {"directMethod": {"methodName": "lockDoor", "payload": {"lockTime": "10m"}}}}""";

	static final String ROLLOUT_EXAMPLE = """
			{"requestId": "lock-building-43", "target": {"tags": {"building": 43}},
			 "action": {"directMethod": {"methodName": "lockDoor", "responseTimeoutInSeconds": 30}},
			 "rollout": {
			   "maxDevicesPerMinute": 200, "waveIntervalInSeconds": 10,
			   "abort": [{"failureType": "FAILED", "thresholdPercentage": 20, "minNumberOfExecutedDevices": 50, "action": "CANCEL"}],
			   "retry": [{"failureType": "TIMED_OUT", "numberOfRetries": 3, "backoffInSeconds": 20, "backoffMultiplier": 2}],
			   "targetSelection": "CONTINUOUS", "endTime": "2030-01-01T06:00:00Z", "endBehavior": "STOP_ROLLOUT",
			   "maintenanceWindows": [{"cron": "0 22 * * *", "durationInSeconds": 28800, "timeZone": "Europe/Berlin"}]}}""";

	private final JobSubmissionService submissions;

	JobController(JobSubmissionService submissions) {
		this.submissions = submissions;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Submit a job (scope jobs:submit)",
			description = "Answers 202 once the ScheduleJob command is acked by Kafka. A request id makes it "
					+ "idempotent: the same request id always yields the same jobId.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(schema = @Schema(implementation = JobRequest.class),
							examples = {
									@ExampleObject(name = "lockDoor", summary = "The tutorial's lockDoor on one device",
											value = LOCK_DOOR_EXAMPLE),
									@ExampleObject(name = "rollout",
											summary = "lockDoor on building 43 as a rollout: 200 devices a minute, "
													+ "abort at 20 % failures, retries of offline devices",
											value = ROLLOUT_EXAMPLE) })))
	@ApiResponse(responseCode = "202", description = "Accepted: the command is on fleetjobs.commands")
	@ApiResponse(responseCode = "400", description = "Invalid request; the problem names the field",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The request id was used for a different request",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "503", description = "Kafka unavailable; retry after Retry-After seconds",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<JobAccepted> submit(@RequestBody(required = false) byte[] body, Authentication caller) {
		JobAccepted accepted = this.submissions.submit(body, caller.getName());
		return ResponseEntity.accepted().location(URI.create("/api/jobs/" + accepted.jobId())).body(accepted);
	}

	@PostMapping("/{jobId}/cancel")
	@Operation(summary = "Cancel a job (scope jobs:cancel)",
			description = "Answers 202 once the CancelJob command is acked by Kafka.")
	@ApiResponse(responseCode = "202", description = "The CancelJob command is on fleetjobs.commands")
	ResponseEntity<CancelAccepted> cancel(@PathVariable String jobId,
			@Valid @RequestBody(required = false) CancelRequest request, Authentication caller) {
		String reason = (request != null) ? request.reason() : null;
		CancelAccepted accepted = this.submissions.cancel(jobId, reason, caller.getName());
		return ResponseEntity.accepted().location(URI.create("/api/jobs/" + jobId)).body(accepted);
	}

	@GetMapping("/{jobId}")
	@Operation(summary = "What this service accepted for a job (scope jobs:read)",
			description = "Progress and device results are served by job-status-service.")
	@ApiResponse(responseCode = "404", description = "No such job was accepted",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	JobView find(@PathVariable String jobId) {
		return this.submissions.find(jobId);
	}

}
