package dev.fleetjobs.simulator.device;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.convert.DurationStyle;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads the lock time of a lockDoor payload. */
final class LockTime {

	private static final Duration MAX = Duration.ofDays(366);

	private LockTime() {
	}

	/**
	 * The lock time of a lockDoor payload: {@code {"lockTime":"10m"}} ("30s", "2h",
	 * "PT10M", or a number of seconds); null when absent. A payload that is a JSON string
	 * holding JSON (as the seed tutorial sends it) is read too.
	 */
	static Duration of(String payloadJson) {
		JsonNode payload = parse(payloadJson);
		if (payload.isString()) {
			payload = parse(payload.asString());
		}
		if (payload.isNull() || payload.isMissingNode()) {
			return null;
		}
		if (!payload.isObject()) {
			throw new IllegalArgumentException(DoorLock.LOCK_DOOR
					+ " takes a JSON object such as {\"lockTime\":\"10m\"}; got " + payloadJson + ".");
		}
		JsonNode value = payload.get("lockTime");
		if (value == null || value.isNull()) {
			return null;
		}
		String text = value.isNumber() ? value.asString() : value.asString("").trim();
		try {
			Duration lockTime = DurationStyle.detectAndParse(text, ChronoUnit.SECONDS);
			if (lockTime.isNegative() || lockTime.compareTo(MAX) > 0) {
				throw new IllegalArgumentException("out of range");
			}
			return lockTime;
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("lockTime '" + text
					+ "' is not a duration from 0 to 366 days; use e.g. \"10m\", \"30s\", \"2h\" or \"PT10M\".");
		}
	}

	private static JsonNode parse(String json) {
		if (json == null || json.isBlank()) {
			return DoorLock.JSON.missingNode();
		}
		try {
			return DoorLock.JSON.readTree(json);
		}
		catch (JacksonException ex) {
			return DoorLock.JSON.getNodeFactory().stringNode(json);
		}
	}

}
