package dev.fleetjobs.request.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.fleetjobs.contracts.request.JobTarget;
import dev.fleetjobs.query.Query;
import dev.fleetjobs.query.QueryException;

/**
 * Checks a target and turns it into a query condition: the hub's device id rules, tag
 * names usable as query paths, the query syntax and the hub's query length.
 */
final class TargetRules {

	/** Letters, digits and {@code - . + % _ # * ? ! ( ) , : = @ $ '}, up to 128. */
	static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9\\-.+%_#*?!(),:=@$']{1,128}");

	private static final Pattern TAG_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

	private final int maxDeviceIds;

	TargetRules(int maxDeviceIds) {
		this.maxDeviceIds = maxDeviceIds;
	}

	/** The query condition for the target, or {@code null} after adding violations. */
	String condition(JobTarget target, List<Violation> violations) {
		if (target == null) {
			violations.add(Violation.invalid("target", "is required"));
			return null;
		}
		int given = ((target.queryCondition() != null) ? 1 : 0) + ((target.deviceIds() != null) ? 1 : 0)
				+ ((target.tags() != null) ? 1 : 0);
		if (given != 1) {
			violations.add(Violation.invalid("target", "give exactly one of queryCondition, deviceIds or tags"));
			return null;
		}
		if (target.queryCondition() != null) {
			return checked("target.queryCondition", target.queryCondition(), violations);
		}
		if (target.deviceIds() != null) {
			return deviceIds(target.deviceIds(), violations);
		}
		return tags(target.tags(), violations);
	}

	private String deviceIds(List<String> deviceIds, List<Violation> violations) {
		if (deviceIds.isEmpty()) {
			violations.add(Violation.invalid("target.deviceIds", "must not be empty"));
			return null;
		}
		if (deviceIds.size() > this.maxDeviceIds) {
			violations.add(Violation.invalid("target.deviceIds",
					"at most " + this.maxDeviceIds + " device ids; use tags or a query condition for more"));
			return null;
		}
		int before = violations.size();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < deviceIds.size(); i++) {
			String field = "target.deviceIds[" + i + "]";
			String id = deviceIds.get(i);
			if (id == null || !DEVICE_ID.matcher(id).matches()) {
				violations.add(Violation.invalid(field, (id == null || id.isEmpty()) ? "must not be empty"
						: "not a valid device id: 1 to 128 of letters, digits and - . + % _ # * ? ! ( ) , : = @ $ '"));
			}
			else if (seen.putIfAbsent(id, i) != null) {
				violations.add(Violation.invalid(field, "duplicate of target.deviceIds[" + seen.get(id) + "]"));
			}
		}
		return (violations.size() == before)
				? checked("target.deviceIds", ConditionBuilder.deviceIdIn(deviceIds), violations) : null;
	}

	private String tags(Map<String, Object> tags, List<Violation> violations) {
		if (tags.isEmpty()) {
			violations.add(Violation.invalid("target.tags", "must not be empty"));
			return null;
		}
		int before = violations.size();
		tags.forEach((name, value) -> {
			String field = "target.tags." + name;
			if (name.length() > 128 || !TAG_PATH.matcher(name).matches()) {
				violations.add(Violation.invalid(field,
						"tag names are identifiers (letters, digits, _) separated by '.'; use a query condition otherwise"));
			}
			else if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
				violations.add(Violation.invalid(field, "must be a string, number or boolean"));
			}
		});
		return (violations.size() == before) ? checked("target.tags", ConditionBuilder.tagsEqual(tags), violations)
				: null;
	}

	/**
	 * The condition, stripped, if it is the WHERE part of a device query (or {@code *})
	 * that the hub takes: checked by the shared IoT Hub query parser, which names the
	 * problem and its position.
	 */
	private static String checked(String field, String condition, List<Violation> violations) {
		if (condition.length() > Query.MAX_LENGTH) {
			violations.add(Violation.invalid(field, "the query condition is " + condition.length()
					+ " characters, more than the hub's " + Query.MAX_LENGTH));
			return null;
		}
		try {
			Query.parseWhere(condition);
			return condition.strip();
		}
		catch (QueryException ex) {
			violations.add(Violation.invalid(field, "invalid query condition: " + ex.getMessage()));
			return null;
		}
	}

}
