package dev.fleetjobs.simulator.acceptance;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.fleetjobs.simulator.run.SimulatedFleet;

/**
 * One fleet per engine variant for a test class, started on first use and closed after
 * the class: register it as a static {@code @RegisterExtension} field.
 */
final class VariantFleets implements AfterAllCallback, AutoCloseable {

	private final Map<EngineVariant, SimulatedFleet> fleets = new EnumMap<>(EngineVariant.class);

	private final Function<EngineVariant, SimulatedFleet> start;

	VariantFleets(Function<EngineVariant, SimulatedFleet> start) {
		this.start = start;
	}

	synchronized SimulatedFleet get(EngineVariant variant) {
		return this.fleets.computeIfAbsent(variant, this.start);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	@Override
	public synchronized void close() {
		this.fleets.values().forEach(SimulatedFleet::close);
		this.fleets.clear();
	}

}
