package dev.fleetjobs.emulator.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One fleet of 500 official device clients on the JVM's shared emulator, started on first
 * use and closed at the end; resolves {@link SdkFleet} parameters.
 */
public final class SharedFleet implements ParameterResolver {

	public static final int SIZE = 500;

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == SdkFleet.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		SharedEmulator.Holder emulator = SharedEmulator.holder(extension);
		return extension.getRoot()
			.getStore(ExtensionContext.Namespace.create(SharedFleet.class))
			.getOrComputeIfAbsent(SdkFleet.class, (key) -> {
				try {
					long started = System.nanoTime();
					SdkFleet fleet = SdkFleet.start(emulator.hub, "fleet", SIZE);
					System.out.printf("Connected %d official device clients in %.1f s%n", SIZE,
							(System.nanoTime() - started) / 1e9);
					return fleet;
				}
				catch (Exception ex) {
					throw new IllegalStateException("Cannot start the shared fleet", ex);
				}
			}, SdkFleet.class);
	}

}
