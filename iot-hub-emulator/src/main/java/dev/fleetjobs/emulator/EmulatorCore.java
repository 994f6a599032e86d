package dev.fleetjobs.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import dev.fleetjobs.emulator.auth.AccessPolicies;
import dev.fleetjobs.emulator.auth.SasAuthenticator;
import dev.fleetjobs.emulator.http.Routes;
import dev.fleetjobs.emulator.methods.MethodService;
import dev.fleetjobs.emulator.mqtt.DeviceSessions;
import dev.fleetjobs.emulator.mqtt.MqttServices;
import dev.fleetjobs.emulator.registry.DeviceRegistry;
import dev.fleetjobs.emulator.store.Store;
import dev.fleetjobs.emulator.twins.TwinService;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;

/** The protocol-free core, wired: store, policies, registry, twins, methods, sessions. */
final class EmulatorCore implements AutoCloseable {

	final Store store;

	final AccessPolicies policies;

	final DeviceRegistry registry;

	final TwinService twins;

	final MethodService methods;

	final DeviceSessions sessions;

	final SasAuthenticator authenticator;

	final Routes routes;

	private final HashedWheelTimer timer;

	EmulatorCore(EmulatorConfig config, Clock clock) {
		this.store = config.inMemory() ? Store.inMemory() : Store.open(storeFile(config.dataDir()));
		this.policies = new AccessPolicies(this.store.map("policies"), config.policies());
		this.registry = new DeviceRegistry(this.store.map("devices"), clock);
		this.twins = new TwinService(this.registry, this.store.map("twins"), clock);
		this.timer = new HashedWheelTimer(new DefaultThreadFactory("emulator-timer", true), 10, TimeUnit.MILLISECONDS);
		this.methods = new MethodService(this.registry, this.timer);
		this.sessions = new DeviceSessions(this.registry, this.methods, this.store.map("sessions"));
		this.methods.setTransport(this.sessions);
		this.twins.addDesiredListener(this.sessions);
		this.registry.addListener(this.sessions);
		this.authenticator = new SasAuthenticator(config.acceptedHostNames(), this.policies, this.registry, clock);
		this.routes = new Routes(this.registry, this.twins, this.methods);
		this.store.commit();
	}

	static Path storeFile(Path dataDir) {
		return dataDir.resolve("emulator.mv.db");
	}

	MqttServices mqttServices() {
		return new MqttServices(this.authenticator, this.sessions, this.twins, this.methods);
	}

	@Override
	public void close() {
		this.timer.stop();
		this.store.close();
	}

}
