package dev.fleetjobs.simulator.run;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import dev.fleetjobs.simulator.device.FaultPlan;
import dev.fleetjobs.simulator.engine.DeviceEngine;
import dev.fleetjobs.simulator.fleet.FleetLayout;
import dev.fleetjobs.simulator.fleet.Shard;
import dev.fleetjobs.simulator.hub.HubConnection;
import dev.fleetjobs.simulator.system.SimulatorMetrics;

/**
 * Runs the fleet for the app's lifetime: provisions and connects it in the background
 * (retrying while the hub is unreachable, so the app keeps serving health), and on
 * shutdown (SIGTERM included) disconnects every device.
 */
class FleetRunner implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FleetRunner.class);

	private final FleetLayout layout;

	private final Shard shard;

	private final FaultPlan faults;

	private final HubConnection hub;

	private final DeviceEngine engine;

	private final SimulatorMetrics metrics;

	private final Duration retryDelay;

	private final boolean connect;

	private volatile Phase phase = Phase.STARTING;

	private volatile String failure;

	private volatile SimulatedFleet fleet;

	private volatile Thread worker;

	private volatile boolean running;

	FleetRunner(FleetLayout layout, Shard shard, FaultPlan faults, HubConnection hub, DeviceEngine engine,
			SimulatorMetrics metrics, Duration retryDelay, boolean connect) {
		this.layout = layout;
		this.shard = shard;
		this.faults = faults;
		this.hub = hub;
		this.engine = engine;
		this.metrics = metrics;
		this.retryDelay = retryDelay;
		this.connect = connect;
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::run, "simulator-fleet");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	private void run() {
		while (this.running) {
			try {
				this.phase = Phase.PROVISIONING;
				SimulatedFleet prepared = SimulatedFleet.prepare(this.layout, this.shard, this.faults, this.hub,
						this.engine);
				this.fleet = prepared;
				if (!this.connect) {
					log.info("Shard {}: {} devices registered; connecting none (engine.connect=false)", this.shard,
							prepared.devices().size());
					this.phase = Phase.REGISTERED;
					return;
				}
				this.metrics.expect(prepared.online().size());
				this.phase = Phase.CONNECTING;
				this.failure = null;
				prepared.connect();
				this.phase = Phase.RUNNING;
				return;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				this.phase = Phase.FAILED;
				this.failure = ex.getMessage();
				log.warn("Starting shard {} failed ({}); retrying in {}", this.shard, ex.getMessage(), this.retryDelay);
				try {
					Thread.sleep(this.retryDelay.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.worker;
		if (thread != null && this.phase != Phase.CONNECTING) {
			thread.interrupt();
		}
		SimulatedFleet current = this.fleet;
		log.info("Disconnecting {} devices of shard {}", this.engine.connectedCount(), this.shard);
		if (current != null) {
			current.close();
		}
		else {
			this.engine.close();
		}
		this.phase = Phase.STOPPED;
		log.info("Fleet shard {} stopped", this.shard);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Where the fleet is, for health. */
	FleetStatus status() {
		SimulatedFleet current = this.fleet;
		int total = (current != null) ? current.devices().size() : 0;
		int expected = (current != null) ? current.online().size() : 0;
		return new FleetStatus(this.phase, this.shard, total, expected, this.engine.connectedCount(), this.failure);
	}

	SimulatedFleet fleet() {
		return this.fleet;
	}

	/** The runner's phases. */
	enum Phase {

		STARTING, PROVISIONING, CONNECTING, RUNNING, REGISTERED, FAILED, STOPPED

	}

	/** A snapshot for health. */
	record FleetStatus(Phase phase, Shard shard, int devices, int expected, int connected, String failure) {
	}

}
