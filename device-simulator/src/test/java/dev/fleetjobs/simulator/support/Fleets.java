package dev.fleetjobs.simulator.support;

import java.time.Duration;
import java.util.Map;

import dev.fleetjobs.simulator.device.FaultPlan;
import dev.fleetjobs.simulator.device.FaultProperties;
import dev.fleetjobs.simulator.engine.DeviceHandle;
import dev.fleetjobs.simulator.engine.EngineProperties;
import dev.fleetjobs.simulator.engine.FleetEvents;
import dev.fleetjobs.simulator.fleet.FleetLayout;
import dev.fleetjobs.simulator.fleet.FleetProperties;
import dev.fleetjobs.simulator.fleet.Shard;
import dev.fleetjobs.simulator.hub.HubConnection;
import dev.fleetjobs.simulator.run.SimulatedFleet;

import static org.awaitility.Awaitility.await;

/** Starts simulated fleets against the test emulator, as the app does. */
public final class Fleets {

	private Fleets() {
	}

	/** A fleet profile whose ids start with {@code prefix} (unique per test). */
	public static FleetProperties profile(String prefix, int count, int buildings, int floors) {
		return new FleetProperties(count, prefix + "-{building}-{floor}-{index}", buildings, floors,
				Map.of("kind", "door-lock", "fleet", prefix), "0/1");
	}

	/**
	 * Provisions and connects a fleet; returns once every device that is not offline by
	 * the fault plan has connected (a device whose first try failed retries). The caller
	 * closes it.
	 */
	public static SimulatedFleet start(FleetProperties profile, FaultProperties faults, EngineProperties engine) {
		return start(profile, faults, engine, FleetEvents.NONE);
	}

	public static SimulatedFleet start(FleetProperties profile, FaultProperties faults, EngineProperties engine,
			FleetEvents events) {
		HubConnection hub = TestHub.get().connection();
		SimulatedFleet fleet = SimulatedFleet.prepare(new FleetLayout(profile), Shard.parse(profile.shard()),
				new FaultPlan(faults), hub, SimulatedFleet.engine(hub, engine, events));
		try {
			fleet.connect();
			await().atMost(Duration.ofSeconds(90))
				.until(() -> fleet.online().stream().allMatch(DeviceHandle::hasConnected));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			fleet.close();
			throw new IllegalStateException(ex);
		}
		return fleet;
	}

}
