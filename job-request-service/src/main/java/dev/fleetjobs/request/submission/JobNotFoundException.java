package dev.fleetjobs.request.submission;

/** No job with this id was accepted (as far as this instance has read). */
public class JobNotFoundException extends RuntimeException {

	JobNotFoundException(String jobId) {
		super("no job " + jobId + " was accepted");
	}

}
