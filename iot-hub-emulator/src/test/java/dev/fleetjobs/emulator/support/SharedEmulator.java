package dev.fleetjobs.emulator.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.fleetjobs.emulator.EmulatorConfig;
import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.throttling.TierProfile;

/**
 * One in-memory emulator on ephemeral ports (admin API included) for the whole test JVM,
 * closed at the end; resolves {@link IotHubEmulator} and {@link ServiceClients}
 * parameters. After each test it clears injected faults and goes back to the unlimited
 * tier, so a test may change both freely.
 */
public final class SharedEmulator implements ParameterResolver, AfterEachCallback {

	/** A fixed owner key, as tests may pass. */
	public static final String OWNER_KEY = "ZmxlZXRqb2JzLWVtdWxhdG9yLXRlc3Qtb3duZXIta2V5IQ==";

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		Class<?> type = parameter.getParameter().getType();
		return type == IotHubEmulator.class || type == ServiceClients.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		Holder holder = holder(extension);
		return (parameter.getParameter().getType() == IotHubEmulator.class) ? holder.hub : holder.clients;
	}

	@Override
	public void afterEach(ExtensionContext extension) {
		Holder holder = extension.getRoot()
			.getStore(ExtensionContext.Namespace.create(SharedEmulator.class))
			.get(Holder.class, Holder.class);
		if (holder != null) {
			holder.hub.faults().clear();
			holder.hub.tier(TierProfile.UNLIMITED);
		}
	}

	static Holder holder(ExtensionContext extension) {
		return extension.getRoot()
			.getStore(ExtensionContext.Namespace.create(SharedEmulator.class))
			.getOrComputeIfAbsent(Holder.class, (key) -> new Holder(), Holder.class);
	}

	static final class Holder implements AutoCloseable {

		final IotHubEmulator hub;

		final ServiceClients clients;

		Holder() {
			this.hub = IotHubEmulator.start(EmulatorConfig.builder()
				.inMemory()
				.httpsPort(0)
				.mqttPort(0)
				.policyKey("iothubowner", OWNER_KEY)
				.adminPort(0)
				.build());
			this.clients = ServiceClients.of(this.hub);
		}

		@Override
		public void close() {
			this.hub.close();
		}

	}

}
