package dev.fleetjobs.simulator.run;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fleetjobs.simulator.device.FaultPlan;
import dev.fleetjobs.simulator.device.FaultProperties;
import dev.fleetjobs.simulator.engine.DeviceEngine;
import dev.fleetjobs.simulator.engine.EngineProperties;
import dev.fleetjobs.simulator.fleet.FleetLayout;
import dev.fleetjobs.simulator.fleet.FleetProperties;
import dev.fleetjobs.simulator.fleet.Shard;
import dev.fleetjobs.simulator.hub.HubConnection;
import dev.fleetjobs.simulator.hub.HubProperties;
import dev.fleetjobs.simulator.system.SimulatorMetrics;

/** The fleet from configuration: layout, shard, faults, hub, engine and its runner. */
@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

	@Bean
	FleetLayout fleetLayout(FleetProperties fleet) {
		return new FleetLayout(fleet);
	}

	@Bean
	Shard shard(FleetProperties fleet) {
		return Shard.parse(fleet.shard());
	}

	@Bean
	FaultPlan faultPlan(FaultProperties faults) {
		return new FaultPlan(faults);
	}

	@Bean
	HubConnection hubConnection(HubProperties hub) {
		return new HubConnection(hub);
	}

	@Bean
	DeviceEngine deviceEngine(HubConnection hub, EngineProperties engine, SimulatorMetrics metrics) {
		return SimulatedFleet.engine(hub, engine, metrics);
	}

	@Bean
	FleetRunner fleetRunner(FleetLayout layout, Shard shard, FaultPlan faults, HubConnection hub, DeviceEngine engine,
			SimulatorMetrics metrics, EngineProperties properties) {
		return new FleetRunner(layout, shard, faults, hub, engine, metrics, properties.retryDelay(),
				properties.connect());
	}

	@Bean
	FleetHealthIndicator fleetHealthIndicator(FleetRunner runner) {
		return new FleetHealthIndicator(runner);
	}

}
