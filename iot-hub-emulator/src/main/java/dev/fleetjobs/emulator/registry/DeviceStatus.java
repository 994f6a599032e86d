package dev.fleetjobs.emulator.registry;

import java.util.Locale;

import dev.fleetjobs.emulator.errors.IotHubErrors;

/** Whether a device may connect. */
public enum DeviceStatus {

	ENABLED, DISABLED;

	/** The value as the hub writes it: {@code enabled} or {@code disabled}. */
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses {@code enabled}/{@code Enabled}/...; null means enabled. */
	public static DeviceStatus parse(String value) {
		if (value == null) {
			return ENABLED;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "enabled" -> ENABLED;
			case "disabled" -> DISABLED;
			default -> throw IotHubErrors
				.argumentInvalid("Device status '" + value + "' is invalid; use 'enabled' or 'disabled'.");
		};
	}

}
