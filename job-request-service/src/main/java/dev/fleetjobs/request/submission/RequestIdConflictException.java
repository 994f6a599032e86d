package dev.fleetjobs.request.submission;

/** The request id is already taken by a different request definition. */
public class RequestIdConflictException extends RuntimeException {

	private final String requestId;

	private final String jobId;

	RequestIdConflictException(String requestId, String jobId) {
		super("requestId '" + requestId + "' was already used for a different request (jobId " + jobId
				+ "); use a new request id for a new job");
		this.requestId = requestId;
		this.jobId = jobId;
	}

	public String requestId() {
		return this.requestId;
	}

	public String jobId() {
		return this.jobId;
	}

}
