package dev.fleetjobs.status.hub;

/** The hub calls this service makes, by the quota each one draws on. */
public enum HubOperation {

	/** {@code GET /jobs/v2/query?jobStatus=running}: a job operation. */
	JOBS_QUERY("jobs.query", Quota.JOB_OPERATIONS),

	/** {@code GET /jobs/v2/{jobId}}: counted as a job operation. */
	JOBS_GET("jobs.get", Quota.JOB_OPERATIONS),

	/** {@code POST /devices/query} over {@code devices.jobs}, per page: a query. */
	DEVICE_JOBS_QUERY("devices.jobs.query", Quota.QUERIES);

	private final String tag;

	private final Quota quota;

	HubOperation(String tag, Quota quota) {
		this.tag = tag;
		this.quota = quota;
	}

	/** The metric tag, e.g. {@code jobs.get}. */
	public String tag() {
		return this.tag;
	}

	public Quota quota() {
		return this.quota;
	}

	/** The hub's throttles that this service's calls draw on. */
	public enum Quota {

		JOB_OPERATIONS, QUERIES

	}

}
