package dev.fleetjobs.request.validation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.request.JobAction;
import dev.fleetjobs.contracts.request.JobRequest;
import dev.fleetjobs.contracts.request.MethodInvocation;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Checks a job request against the hub's limits and FleetJobs' own, collecting every
 * violation with the field it concerns, and fills in the defaults.
 */
@Component
public class JobRequestValidator {

	private static final Pattern REQUEST_ID = Pattern.compile("[\\x20-\\x7E]{1,128}");

	private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9_.\\-/]{1,63}");

	private final ValidationProperties properties;

	private final TargetRules targets;

	private final ActionRules actions;

	private final RolloutRules rollouts = new RolloutRules();

	public JobRequestValidator(ValidationProperties properties, JsonMapper json) {
		this.properties = properties;
		this.targets = new TargetRules(properties.maxDeviceIds());
		this.actions = new ActionRules(json);
	}

	/**
	 * The validated job with its defaults.
	 * @throws InvalidJobRequestException naming every violation
	 */
	public ValidatedJob validate(JobRequest request, Instant now) {
		List<Violation> violations = new ArrayList<>();
		if (request.requestId() != null
				&& (request.requestId().isBlank() || !REQUEST_ID.matcher(request.requestId()).matches())) {
			violations.add(Violation.invalid("requestId", "1 to 128 printable ASCII characters, not blank"));
		}
		String condition = this.targets.condition(request.target(), violations);
		JobAction action = request.action();
		JobType jobType = null;
		MethodInvocation method = null;
		if (action == null) {
			violations.add(Violation.invalid("action", "is required"));
		}
		else if ((action.directMethod() == null) == (action.twinUpdate() == null)) {
			violations.add(Violation.invalid("action", "give exactly one of directMethod or twinUpdate"));
		}
		else if (action.directMethod() != null) {
			jobType = JobType.DEVICE_METHOD;
			method = this.actions.method(action, violations);
		}
		else {
			jobType = JobType.TWIN_UPDATE;
			this.actions.twin(action.twinUpdate(), violations);
		}
		Instant startTime = startTime(request.startTime(), now, violations);
		long maxExecution = maxExecutionTime(request.maxExecutionTimeInSeconds(), violations);
		Map<String, String> labels = labels(request.labels(), violations);
		if (request.rollout() != null) {
			this.rollouts.check(request.rollout(), startTime, now, violations);
		}
		if (!violations.isEmpty()) {
			throw new InvalidJobRequestException(violations);
		}
		return new ValidatedJob(jobType, condition, method, (action.twinUpdate() != null) ? action.twinUpdate() : null,
				startTime, maxExecution, labels, request.rollout());
	}

	private Instant startTime(Instant requested, Instant now, List<Violation> violations) {
		if (requested == null) {
			return now;
		}
		if (requested.isBefore(now.minus(this.properties.maxStartTimeInPast()))) {
			violations.add(Violation.invalid("startTime",
					"more than " + this.properties.maxStartTimeInPast() + " in the past; leave it out to start now"));
		}
		else if (requested.isAfter(now.plus(this.properties.maxStartTimeAhead()))) {
			violations.add(Violation.invalid("startTime",
					"more than " + this.properties.maxStartTimeAhead() + " in the future"));
		}
		return requested;
	}

	private long maxExecutionTime(Long requested, List<Violation> violations) {
		if (requested == null) {
			return JobRequest.DEFAULT_MAX_EXECUTION_TIME_IN_SECONDS;
		}
		long max = this.properties.maxExecutionTime().toSeconds();
		if (requested <= 0 || requested > max) {
			violations.add(Violation.invalid("maxExecutionTimeInSeconds", "must be 1.." + max));
		}
		return requested;
	}

	private Map<String, String> labels(Map<String, String> labels, List<Violation> violations) {
		if (labels == null) {
			return Map.of();
		}
		if (labels.size() > this.properties.maxLabels()) {
			violations.add(Violation.invalid("labels", "at most " + this.properties.maxLabels() + " labels"));
		}
		labels.forEach((key, value) -> {
			if (!LABEL_KEY.matcher(key).matches()) {
				violations.add(Violation.invalid("labels." + key, "label names are 1 to 63 of A-Z a-z 0-9 _ . - /"));
			}
			else if (value == null || value.length() > 256) {
				violations
					.add(Violation.invalid("labels." + key, "label values are strings of at most 256 characters"));
			}
		});
		return labels;
	}

}
