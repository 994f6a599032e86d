package dev.fleetjobs.status.view;

import java.security.Principal;
import java.util.Arrays;
import java.util.Locale;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Min;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The read API, served from the view of the topics (never from hub calls). Every endpoint
 * needs the {@code jobs:read} scope.
 */
@RestController
@RequestMapping("/api/jobs")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
class JobController {

	private final JobViewStore store;

	private final ProgressStreams streams;

	private final ViewProperties properties;

	JobController(JobViewStore store, ProgressStreams streams, ViewProperties properties) {
		this.store = store;
		this.streams = streams;
		this.properties = properties;
	}

	@Operation(summary = "A job's latest progress and its lifecycle history")
	@GetMapping("/{jobId}")
	JobDetails job(@PathVariable String jobId) {
		return this.store.job(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
	}

	@Operation(summary = "Jobs, newest first, optionally by status (QUEUED ... REJECTED) and type "
			+ "(DEVICE_METHOD, TWIN_UPDATE)")
	@GetMapping
	Page<JobProgress> jobs(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) int size) {
		return this.store.list(parse(JobStatus.class, "status", status), parse(JobType.class, "type", type), page,
				size(size));
	}

	@Operation(summary = "A job's device results by device id, optionally by status (e.g. failed)")
	@GetMapping("/{jobId}/devices")
	Page<DeviceResult> devices(@PathVariable String jobId, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "100") @Min(1) int size) {
		return this.store.devices(jobId, parse(DeviceJobStatus.class, "status", status), page, size(size))
			.orElseThrow(() -> new JobNotFoundException(jobId));
	}

	@Operation(summary = "Live progress as Server-Sent Events (event: progress, id: sequence); "
			+ "the stream ends after the final event. At most fleetjobs.view.max-streams-per-key open streams per "
			+ "API key (429 with Retry-After beyond) and max-streams in all (503 with Retry-After)")
	@GetMapping(path = "/{jobId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@PathVariable String jobId, Principal caller) {
		if (this.store.job(jobId).isEmpty()) {
			throw new JobNotFoundException(jobId);
		}
		return this.streams.open(jobId, caller.getName());
	}

	private int size(int size) {
		if (size > this.properties.maxPageSize()) {
			throw new InvalidQueryException("size", "size: must be at most " + this.properties.maxPageSize());
		}
		return size;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidQueryException(name, name + ": must be one of "
					+ Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", was '" + value + "'");
		}
	}

}
