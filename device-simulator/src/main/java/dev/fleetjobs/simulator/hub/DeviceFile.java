package dev.fleetjobs.simulator.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A file of device connection strings, one per line; blank lines and lines starting with
 * {@code #} are skipped. Errors name the line, never its content.
 */
final class DeviceFile {

	private DeviceFile() {
	}

	static List<DeviceCredentials> read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read fleetjobs.simulator.hub.device-connection-strings " + file, ex);
		}
		List<DeviceCredentials> devices = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int number = 1; number <= lines.size(); number++) {
			String line = lines.get(number - 1).trim();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			DeviceCredentials device;
			try {
				device = DeviceCredentials.parse(line);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(file + " line " + number + ": " + ex.getMessage());
			}
			if (!ids.add(device.deviceId())) {
				throw new IllegalArgumentException(
						file + " line " + number + ": device " + device.deviceId() + " appears twice");
			}
			if (!devices.isEmpty() && !devices.get(0).hostName().equals(device.hostName())) {
				throw new IllegalArgumentException(file + " line " + number + ": all devices must be on one hub ("
						+ devices.get(0).hostName() + ")");
			}
			devices.add(device);
		}
		if (devices.isEmpty()) {
			throw new IllegalArgumentException(file + " holds no device connection string");
		}
		return devices;
	}

}
