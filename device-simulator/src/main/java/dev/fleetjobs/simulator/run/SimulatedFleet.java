package dev.fleetjobs.simulator.run;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.simulator.device.DoorLock;
import dev.fleetjobs.simulator.device.FaultPlan;
import dev.fleetjobs.simulator.engine.ChurnScheduler;
import dev.fleetjobs.simulator.engine.DeviceEngine;
import dev.fleetjobs.simulator.engine.DeviceHandle;
import dev.fleetjobs.simulator.engine.EngineProperties;
import dev.fleetjobs.simulator.engine.FleetEvents;
import dev.fleetjobs.simulator.fleet.FleetLayout;
import dev.fleetjobs.simulator.fleet.Shard;
import dev.fleetjobs.simulator.fleet.SimulatedDevice;
import dev.fleetjobs.simulator.hub.DeviceCredentials;
import dev.fleetjobs.simulator.hub.HubConnection;
import dev.fleetjobs.simulator.light.LightDeviceEngine;
import dev.fleetjobs.simulator.provisioning.Provisioning;
import dev.fleetjobs.simulator.sdk.SdkDeviceEngine;

/**
 * A running fleet: one shard's devices provisioned (or read from a file), given their
 * faults and connected by an engine, churn included. The Spring app runs one; tests and
 * tools can start one directly.
 */
public final class SimulatedFleet implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SimulatedFleet.class);

	private final DeviceEngine engine;

	private final List<DeviceHandle> devices;

	private final List<DeviceHandle> online;

	private final ChurnScheduler churn;

	private SimulatedFleet(DeviceEngine engine, List<DeviceHandle> devices) {
		this.engine = engine;
		this.devices = List.copyOf(devices);
		this.online = this.devices.stream().filter((device) -> !device.lock().faults().offline()).toList();
		this.churn = new ChurnScheduler(engine);
	}

	/** Creates the engine a configuration names. */
	public static DeviceEngine engine(HubConnection hub, EngineProperties properties, FleetEvents events) {
		return switch (properties.kind()) {
			case SDK -> new SdkDeviceEngine(hub, properties, events);
			case LIGHT -> new LightDeviceEngine(hub, properties, events);
		};
	}

	/**
	 * Provisions (or reads) the shard's devices and prepares them; nothing connects yet.
	 */
	public static SimulatedFleet prepare(FleetLayout layout, Shard shard, FaultPlan faults, HubConnection hub,
			DeviceEngine engine) {
		List<DeviceCredentials> credentials;
		if (hub.canProvision()) {
			List<SimulatedDevice> planned = layout.devices(shard);
			credentials = Provisioning.of(hub).provision(planned).credentials();
		}
		else {
			List<DeviceCredentials> all = hub.devicesFromFile();
			credentials = new ArrayList<>();
			for (int position = shard.index(); position < all.size(); position += shard.count()) {
				credentials.add(all.get(position));
			}
		}
		List<DeviceHandle> devices = new ArrayList<>(credentials.size());
		for (DeviceCredentials device : credentials) {
			devices.add(new DeviceHandle(device,
					new DoorLock(device.deviceId(), faults.faultsOf(device.deviceId()), Clock.systemUTC())));
		}
		return new SimulatedFleet(engine, devices);
	}

	/**
	 * Connects every device that is not offline by plan, then starts the churn; returns
	 * how many connected at the first try.
	 */
	public int connect() throws InterruptedException {
		long started = System.nanoTime();
		List<DeviceHandle> now = this.online.stream().filter((device) -> !device.lock().faults().isLate()).toList();
		int connected = this.engine.connectAll(now);
		log.info("{} of {} devices connected in {} ms ({} offline by the fault plan, {} connect later)", connected,
				now.size(), (System.nanoTime() - started) / 1_000_000, this.devices.size() - this.online.size(),
				this.online.size() - now.size());
		this.churn.connectLater(this.online.stream().filter((device) -> device.lock().faults().isLate()).toList());
		this.churn.start(this.online);
		return connected;
	}

	public DeviceEngine engine() {
		return this.engine;
	}

	/** Every device of the shard, offline ones included. */
	public List<DeviceHandle> devices() {
		return this.devices;
	}

	/** The devices that connect (not offline by the fault plan). */
	public List<DeviceHandle> online() {
		return this.online;
	}

	public DeviceHandle device(String deviceId) {
		return this.devices.stream()
			.filter((device) -> device.deviceId().equals(deviceId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No simulated device " + deviceId));
	}

	/** Stops the churn and disconnects every device. */
	@Override
	public void close() {
		this.churn.close();
		this.engine.close();
	}

}
