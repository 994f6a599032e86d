package dev.fleetjobs.status.view;

/** No job with this id is in the view (never published, or dropped from it). */
public class JobNotFoundException extends RuntimeException {

	public JobNotFoundException(String jobId) {
		super("no job '" + jobId + "' is known");
	}

}
