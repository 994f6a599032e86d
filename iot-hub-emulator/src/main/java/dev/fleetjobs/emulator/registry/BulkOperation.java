package dev.fleetjobs.emulator.registry;

import java.util.List;

import dev.fleetjobs.emulator.errors.IotHubErrors;
import tools.jackson.databind.node.ObjectNode;

/**
 * One entry of a bulk registry request ({@code POST /devices}); tags, when given, go to
 * the twin of a created or updated device.
 */
public record BulkOperation(DeviceSpec device, Mode mode, String etag, ObjectNode tags) {

	/** The hub's import modes. */
	public enum Mode {

		CREATE, UPDATE, UPDATE_IF_MATCH_ETAG, DELETE, DELETE_IF_MATCH_ETAG;

		public static Mode parse(String value) {
			if (value == null) {
				throw IotHubErrors.argumentNull("Every device in a bulk request needs an importMode.");
			}
			return switch (value.toLowerCase(java.util.Locale.ROOT)) {
				case "create" -> CREATE;
				case "update", "createorupdate" -> UPDATE;
				case "updateifmatchetag", "createorupdateifmatchetag" -> UPDATE_IF_MATCH_ETAG;
				case "delete" -> DELETE;
				case "deleteifmatchetag" -> DELETE_IF_MATCH_ETAG;
				default -> throw IotHubErrors.argumentInvalid("importMode '" + value
						+ "' is invalid; use create, update, updateIfMatchETag, delete or deleteIfMatchETag.");
			};
		}

	}

	/** The outcome: successful when no device failed. */
	public record Result(boolean successful, List<Failure> errors) {
	}

	/** Why one device of a bulk request failed. */
	public record Failure(String deviceId, String errorCode, String errorStatus) {
	}

}
