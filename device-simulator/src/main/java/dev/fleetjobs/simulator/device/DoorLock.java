package dev.fleetjobs.simulator.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One simulated door lock: what it answers to direct methods, what it reports, and how it
 * applies desired properties, faults included. Both engines drive the same class, so they
 * behave the same; it is thread-safe and knows nothing about MQTT.
 * <p>
 * Reported-property convention: every desired property (other than the device-owned
 * {@code doorState}, {@code lockedUntil} and {@code desiredVersion}) is reported back
 * with the value applied, and {@code desiredVersion} acknowledges the desired
 * {@code $version} that was applied, e.g. desired {@code {"floor":3,"$version":7}} gives
 * reported {@code {"floor":3,"desiredVersion":7}}.
 */
public final class DoorLock {

	public static final String LOCK_DOOR = "lockDoor";

	public static final String UNLOCK_DOOR = "unlockDoor";

	public static final String DOOR_STATE = "doorState";

	public static final String LOCKED_UNTIL = "lockedUntil";

	public static final String DESIRED_VERSION = "desiredVersion";

	public static final String LOCKED = "locked";

	public static final String UNLOCKED = "unlocked";

	/** Reported properties the device owns; desired values for them are not mirrored. */
	public static final Set<String> DEVICE_OWNED = Set.of(DOOR_STATE, LOCKED_UNTIL, DESIRED_VERSION);

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final String deviceId;

	private final DeviceFaults faults;

	private final Clock clock;

	private String doorState;

	private Instant lockedUntil;

	public DoorLock(String deviceId, DeviceFaults faults, Clock clock) {
		this.deviceId = deviceId;
		this.faults = faults;
		this.clock = clock;
	}

	public String deviceId() {
		return this.deviceId;
	}

	public DeviceFaults faults() {
		return this.faults;
	}

	/** Answers a direct method; {@code payloadJson} may be null or {@code "null"}. */
	public synchronized MethodReply onMethod(String methodName, String payloadJson) {
		Duration delay = this.faults.latency();
		if (!LOCK_DOOR.equals(methodName) && !UNLOCK_DOOR.equals(methodName)) {
			return reply(404, "Method '" + methodName + "' is not implemented by door lock " + this.deviceId
					+ "; it supports " + LOCK_DOOR + " and " + UNLOCK_DOOR + ".", null, delay);
		}
		if (this.faults.failsMethod(methodName)) {
			return reply(500, methodName + " failed on " + this.deviceId + ": simulated device fault.", null, delay);
		}
		if (UNLOCK_DOOR.equals(methodName)) {
			return reply(200, UNLOCK_DOOR + " called successfully", setState(UNLOCKED, null), delay);
		}
		Duration lockTime;
		try {
			lockTime = LockTime.of(payloadJson);
		}
		catch (IllegalArgumentException ex) {
			return reply(400, ex.getMessage(), null, delay);
		}
		Instant until = (lockTime != null) ? this.clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(lockTime) : null;
		return reply(200, LOCK_DOOR + " called successfully", setState(LOCKED, until), delay);
	}

	/**
	 * Applies a desired-properties patch with its {@code $version} and returns the
	 * reported patch that acknowledges it.
	 */
	public synchronized ObjectNode onDesired(JsonNode desiredPatch, long version) {
		ObjectNode reported = JSON.createObjectNode();
		for (Map.Entry<String, JsonNode> property : desiredPatch.properties()) {
			if (mirrored(property.getKey())) {
				reported.set(property.getKey(), property.getValue());
			}
		}
		reported.put(DESIRED_VERSION, version);
		return reported;
	}

	/**
	 * Compares the twin read at (re)connect with what this device should report: desired
	 * values it missed, an unacknowledged {@code $version}, its door state. Returns the
	 * patch to report, or null when the twin is already in line.
	 */
	public synchronized ObjectNode reconcile(JsonNode desired, long desiredVersion, JsonNode reported) {
		ObjectNode patch = JSON.createObjectNode();
		for (Map.Entry<String, JsonNode> property : desired.properties()) {
			if (mirrored(property.getKey()) && !property.getValue().equals(reported.get(property.getKey()))) {
				patch.set(property.getKey(), property.getValue());
			}
		}
		if (reported.path(DESIRED_VERSION).asLong(-1) != desiredVersion) {
			patch.put(DESIRED_VERSION, desiredVersion);
		}
		if (this.doorState == null) {
			JsonNode state = reported.get(DOOR_STATE);
			if (state != null && (LOCKED.equals(state.asString()) || UNLOCKED.equals(state.asString()))) {
				this.doorState = state.asString();
				JsonNode until = reported.get(LOCKED_UNTIL);
				this.lockedUntil = (until != null && until.isString()) ? parseInstant(until.asString()) : null;
			}
			else {
				patch.setAll(setState(UNLOCKED, null));
			}
		}
		else if (!this.doorState.equals(reported.path(DOOR_STATE).asString(null))) {
			patch.setAll(stateReport());
		}
		return patch.isEmpty() ? null : patch;
	}

	/** The door state, or null before the first reconcile. */
	public synchronized String doorState() {
		return this.doorState;
	}

	public synchronized Instant lockedUntil() {
		return this.lockedUntil;
	}

	private static boolean mirrored(String key) {
		return !key.startsWith("$") && !DEVICE_OWNED.contains(key);
	}

	private ObjectNode setState(String state, Instant until) {
		this.doorState = state;
		this.lockedUntil = until;
		return stateReport();
	}

	private ObjectNode stateReport() {
		ObjectNode report = JSON.createObjectNode();
		report.put(DOOR_STATE, this.doorState);
		if (this.lockedUntil != null) {
			report.put(LOCKED_UNTIL, this.lockedUntil.toString());
		}
		else {
			report.putNull(LOCKED_UNTIL);
		}
		return report;
	}

	private static MethodReply reply(int status, String message, ObjectNode reported, Duration delay) {
		ObjectNode payload = JSON.createObjectNode().put("Response", message);
		return new MethodReply(status, payload.toString(), reported, delay);
	}

	private static Instant parseInstant(String text) {
		try {
			return Instant.parse(text);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
