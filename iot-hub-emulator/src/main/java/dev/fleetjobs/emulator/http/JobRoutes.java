package dev.fleetjobs.emulator.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.fleetjobs.emulator.auth.Permission;
import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.http.Router.Operation;
import dev.fleetjobs.emulator.jobs.JobJson;
import dev.fleetjobs.emulator.jobs.JobService;
import dev.fleetjobs.emulator.jobs.JobType;
import dev.fleetjobs.emulator.jobs.JobView;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scheduled jobs v2 (iot-hub-protocol.md §1.6): create, get, cancel, and the job list,
 * which answers a bare JSON array paged like a query.
 */
final class JobRoutes {

	private final JobService jobs;

	JobRoutes(JobService jobs) {
		this.jobs = jobs;
	}

	void register(Router router) {
		router.add("GET", "/jobs/v2/query", Permission.SERVICE_CONNECT, Operation.reads("jobs.query"), this::query)
			.add("PUT", "/jobs/v2/{jobId}", Permission.SERVICE_CONNECT, Operation.writes("jobs.create"), this::create)
			.add("GET", "/jobs/v2/{jobId}", Permission.SERVICE_CONNECT, Operation.reads("jobs.get"), this::get)
			.add("POST", "/jobs/v2/{jobId}/cancel", Permission.SERVICE_CONNECT, Operation.writes("jobs.cancel"),
					this::cancel);
	}

	private CompletionStage<RestResponse> create(RestRequest request) {
		String jobId = request.param("jobId");
		ObjectNode body = request.jsonObject();
		return RestResponse.ok(JobJson.json(this.jobs.create(JobJson.definition(jobId, body))));
	}

	private CompletionStage<RestResponse> get(RestRequest request) {
		return RestResponse.ok(JobJson.json(this.jobs.get(request.param("jobId"))));
	}

	private CompletionStage<RestResponse> cancel(RestRequest request) {
		return RestResponse.ok(JobJson.json(this.jobs.cancel(request.param("jobId"))));
	}

	private CompletionStage<RestResponse> query(RestRequest request) {
		String typeName = blankToNull(request.queryParam("jobType"));
		JobType type = null;
		if (typeName != null) {
			type = JobType.fromWire(typeName);
			if (type == null) {
				throw IotHubErrors.argumentInvalid("jobType '" + typeName
						+ "' is not a job type; use scheduleDeviceMethod or scheduleUpdateTwin.");
			}
		}
		String status = blankToNull(request.queryParam("jobStatus"));
		List<ObjectNode> results = this.jobs.list(type, status)
			.stream()
			.map(JobView.class::cast)
			.map(JobJson::json)
			.toList();
		String key = "jobs?" + typeName + "&" + status;
		return CompletableFuture.completedFuture(Paging.page(request, key, results, Map.of()));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
