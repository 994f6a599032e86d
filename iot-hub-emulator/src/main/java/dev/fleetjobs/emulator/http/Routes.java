package dev.fleetjobs.emulator.http;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import dev.fleetjobs.emulator.jobs.JobService;
import dev.fleetjobs.emulator.methods.MethodService;
import dev.fleetjobs.emulator.registry.DeviceRegistry;
import dev.fleetjobs.emulator.twins.TwinService;
import dev.fleetjobs.query.QuerySource;
import tools.jackson.databind.JsonNode;

/**
 * The service REST surface: every feature's routes in one {@link Router}. Features built
 * later add their routes and query sources here.
 */
public final class Routes {

	private final Router router = new Router();

	private final QueryRoutes queries;

	/** Routes whose queries run on the calling thread. */
	public Routes(DeviceRegistry registry, TwinService twins, MethodService methods) {
		this(registry, twins, methods, Runnable::run);
	}

	/** Routes whose queries run on the given executor, off the event loops. */
	public Routes(DeviceRegistry registry, TwinService twins, MethodService methods, Executor queryExecutor) {
		this.queries = new QueryRoutes(twins::documents, queryExecutor);
		this.queries.register(this.router);
		new RegistryRoutes(registry, twins).register(this.router);
		new TwinRoutes(twins, methods).register(this.router);
		this.router.notImplemented("PUT", "/jobs/v2/{jobId}", "scheduled jobs (create)")
			.notImplemented("GET", "/jobs/v2/{jobId}", "scheduled jobs (get)")
			.notImplemented("POST", "/jobs/v2/{jobId}/cancel", "scheduled jobs (cancel)")
			.notImplemented("GET", "/jobs/v2/query", "scheduled jobs (query)")
			.notImplemented("POST", "/jobs/create", "import and export jobs");
	}

	public Router router() {
		return this.router;
	}

	/** Sets where a query source's documents come from, e.g. device job records. */
	public void querySource(QuerySource source, Supplier<Iterable<? extends JsonNode>> documents) {
		this.queries.source(source, documents);
	}

	/**
	 * Serves scheduled jobs ({@code /jobs/v2/...}) and their device records
	 * ({@code devices.jobs}) from the jobs engine.
	 */
	public void jobs(JobService jobs) {
		new JobRoutes(jobs).register(this.router);
		this.queries.source(QuerySource.DEVICES_JOBS, jobs::deviceRecords, jobs::deviceRecordsVersion);
		this.queries.narrowing(QuerySource.DEVICES_JOBS, "jobId", jobs::deviceRecords);
	}

}
