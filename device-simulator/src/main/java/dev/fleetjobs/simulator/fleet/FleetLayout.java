package dev.fleetjobs.simulator.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Lays a fleet out over buildings and floors, round robin: device {@code n} (from 0) sits
 * in cell {@code n mod (buildings * floors)}, so every floor of every building gets the
 * same number of devices (plus or minus one) and a query such as
 * {@code tags.building = 43 AND tags.floor = 3} selects a predictable set.
 */
public final class FleetLayout {

	/** IoT Hub device ids: up to 128 of these characters. */
	private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9\\-.%_*?!(),:=@$']{1,128}");

	private final FleetProperties fleet;

	private final Map<String, Object> extraTags;

	public FleetLayout(FleetProperties fleet) {
		this.fleet = fleet;
		String pattern = fleet.idPattern();
		boolean unique = pattern.contains("{n}")
				|| (pattern.contains("{building}") && pattern.contains("{floor}") && pattern.contains("{index}"));
		if (!unique) {
			throw new IllegalArgumentException("fleetjobs.simulator.fleet.id-pattern '" + pattern
					+ "' would repeat ids; it needs {n}, or {building}, {floor} and {index}");
		}
		this.extraTags = new LinkedHashMap<>(fleet.tags());
		for (String reserved : List.of("building", "floor")) {
			if (this.extraTags.containsKey(reserved)) {
				throw new IllegalArgumentException("fleetjobs.simulator.fleet.tags." + reserved
						+ " is set by the layout (1.." + (reserved.equals("building") ? "buildings" : "floors") + ")");
			}
		}
		String lastId = device(fleet.count() - 1).deviceId();
		if (!DEVICE_ID.matcher(lastId).matches()) {
			throw new IllegalArgumentException("fleetjobs.simulator.fleet.id-pattern '" + pattern
					+ "' makes ids such as '" + lastId + "' that IoT Hub does not accept");
		}
	}

	public int count() {
		return this.fleet.count();
	}

	/** The device at a fleet position (from 0). */
	public SimulatedDevice device(int position) {
		if (position < 0 || position >= this.fleet.count()) {
			throw new IndexOutOfBoundsException("No device at position " + position);
		}
		int cells = this.fleet.buildings() * this.fleet.floors();
		int cell = position % cells;
		int building = cell / this.fleet.floors() + 1;
		int floor = cell % this.fleet.floors() + 1;
		int index = position / cells + 1;
		String id = this.fleet.idPattern()
			.replace("{building}", Integer.toString(building))
			.replace("{floor}", Integer.toString(floor))
			.replace("{index}", Integer.toString(index))
			.replace("{n}", Integer.toString(position + 1));
		Map<String, Object> tags = new LinkedHashMap<>();
		tags.put("building", building);
		tags.put("floor", floor);
		tags.putAll(this.extraTags);
		return new SimulatedDevice(id, position, building, floor, tags);
	}

	/** The devices of one shard, in fleet order. */
	public List<SimulatedDevice> devices(Shard shard) {
		List<SimulatedDevice> devices = new ArrayList<>();
		for (int position = shard.index(); position < this.fleet.count(); position += shard.count()) {
			devices.add(device(position));
		}
		return devices;
	}

}
