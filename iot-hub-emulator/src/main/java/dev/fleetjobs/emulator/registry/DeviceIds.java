package dev.fleetjobs.emulator.registry;

import java.util.regex.Pattern;

import dev.fleetjobs.emulator.errors.IotHubErrors;

/** The hub's rule for device ids: up to 128 ASCII letters, digits and a few symbols. */
public final class DeviceIds {

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9\\-.%_*?!(),:=@$'+#]{1,128}");

	private DeviceIds() {
	}

	/** Returns the id, or throws the hub's 400 with a message that says what is wrong. */
	public static String validate(String deviceId) {
		if (deviceId == null || deviceId.isEmpty()) {
			throw IotHubErrors.argumentNull("The device id is missing.");
		}
		if (!VALID.matcher(deviceId).matches()) {
			String shown = (deviceId.length() > 140) ? deviceId.substring(0, 140) + "..." : deviceId;
			throw IotHubErrors.argumentInvalid("The device id '" + shown
					+ "' is invalid: use up to 128 ASCII letters, digits and - . % _ * ? ! ( ) , : = @ $ ' + #.");
		}
		return deviceId;
	}

}
