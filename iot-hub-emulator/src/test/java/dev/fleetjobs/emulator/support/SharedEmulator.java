package dev.fleetjobs.emulator.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.fleetjobs.emulator.EmulatorConfig;
import dev.fleetjobs.emulator.IotHubEmulator;

/**
 * One in-memory emulator on ephemeral ports for the whole test JVM, closed at the end;
 * resolves {@link IotHubEmulator} and {@link ServiceClients} parameters.
 */
public final class SharedEmulator implements ParameterResolver {

	/** A fixed owner key, as tests may pass. */
	public static final String OWNER_KEY = "ZmxlZXRqb2JzLWVtdWxhdG9yLXRlc3Qtb3duZXIta2V5IQ==";

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		Class<?> type = parameter.getParameter().getType();
		return type == IotHubEmulator.class || type == ServiceClients.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		Holder holder = extension.getRoot()
			.getStore(ExtensionContext.Namespace.create(SharedEmulator.class))
			.getOrComputeIfAbsent(Holder.class, (key) -> new Holder(), Holder.class);
		return (parameter.getParameter().getType() == IotHubEmulator.class) ? holder.hub : holder.clients;
	}

	private static final class Holder implements AutoCloseable {

		final IotHubEmulator hub;

		final ServiceClients clients;

		Holder() {
			this.hub = IotHubEmulator.start(EmulatorConfig.builder()
				.inMemory()
				.httpsPort(0)
				.mqttPort(0)
				.policyKey("iothubowner", OWNER_KEY)
				.build());
			this.clients = ServiceClients.of(this.hub);
		}

		@Override
		public void close() {
			this.hub.close();
		}

	}

}
