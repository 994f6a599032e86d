package dev.fleetjobs.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.fleetjobs.emulator.auth.AccessPolicies;
import dev.fleetjobs.emulator.auth.SasAuthenticator;
import dev.fleetjobs.emulator.faults.CallCounters;
import dev.fleetjobs.emulator.faults.FaultInjector;
import dev.fleetjobs.emulator.http.Routes;
import dev.fleetjobs.emulator.jobs.JobService;
import dev.fleetjobs.emulator.methods.MethodService;
import dev.fleetjobs.emulator.mqtt.DeviceSessions;
import dev.fleetjobs.emulator.mqtt.MqttServices;
import dev.fleetjobs.emulator.registry.DeviceRegistry;
import dev.fleetjobs.emulator.store.Store;
import dev.fleetjobs.emulator.throttling.Quotas;
import dev.fleetjobs.emulator.twins.TwinService;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The protocol-free core, wired: store, policies, registry, twins, methods, sessions,
 * jobs, quotas, faults and call counters.
 */
final class EmulatorCore implements AutoCloseable {

	final Store store;

	final AccessPolicies policies;

	final DeviceRegistry registry;

	final TwinService twins;

	final MethodService methods;

	final DeviceSessions sessions;

	final SasAuthenticator authenticator;

	final Routes routes;

	final Quotas quotas;

	final FaultInjector faults;

	final CallCounters calls = new CallCounters();

	final HubCallGate gate;

	final JobService jobs;

	private final HashedWheelTimer timer;

	private final ExecutorService queries;

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
		this.queries = Executors.newSingleThreadExecutor(new DefaultThreadFactory("emulator-query", true));
		this.routes = new Routes(this.registry, this.twins, this.methods, this.queries);
		this.quotas = new Quotas(config.tier());
		this.faults = new FaultInjector(this.routes.router()::operationNames);
		this.gate = new HubCallGate(this.calls, this.faults, this.quotas, this.timer);
		this.jobs = new JobService(this.store, this.twins, this.methods, this.quotas, config.jobs(), clock);
		this.routes.jobs(this.jobs);
		this.store.commit();
	}

	static Path storeFile(Path dataDir) {
		return dataDir.resolve("emulator.mv.db");
	}

	MqttServices mqttServices() {
		return new MqttServices(this.authenticator, this.sessions, this.twins, this.methods, this.store);
	}

	@Override
	public void close() {
		stopWork();
		this.store.close();
	}

	/** Stops without committing what is not committed yet, as a crash would. */
	void halt() {
		stopWork();
		this.store.halt();
	}

	private void stopWork() {
		this.jobs.close();
		this.queries.shutdownNow();
		this.timer.stop();
	}

}
