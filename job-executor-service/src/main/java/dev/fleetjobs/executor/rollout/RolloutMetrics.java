package dev.fleetjobs.executor.rollout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.fleetjobs.contracts.TypeNames;
import dev.fleetjobs.contracts.rollout.RolloutOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The rollout meters: {@code fleetjobs_rollout_active} (unfinished rollouts this instance
 * drives), {@code fleetjobs_rollout_wave_start_seconds} (a wave's slot was due -> its hub
 * job exists), {@code fleetjobs_rollout_waves_total{attempt}},
 * {@code fleetjobs_rollout_devices_notified_total{attempt}},
 * {@code fleetjobs_rollout_decisions_total{event}} and
 * {@code fleetjobs_rollout_ended_total{outcome}}.
 */
@Component
class RolloutMetrics {

	private final MeterRegistry registry;

	private final Timer waveStart;

	private final Clock clock;

	RolloutMetrics(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
		this.waveStart = Timer.builder("fleetjobs.rollout.wave.start")
			.description("From a wave's slot being due to its hub job existing")
			.publishPercentileHistogram()
			.register(registry);
	}

	void activeRollouts(Map<String, RolloutEngine.Known> known) {
		Gauge
			.builder("fleetjobs.rollout.active", known,
					(all) -> all.values().stream().filter((rollout) -> !rollout.ended()).count())
			.description("Unfinished rollouts this instance drives")
			.register(this.registry);
	}

	void waveStarted(RolloutRun.Wave wave, Instant due) {
		this.waveStart.record(Duration.between(due, this.clock.instant()));
		String attempt = (wave.attempt == 1) ? "first" : "retry";
		Counter.builder("fleetjobs.rollout.waves")
			.description("Waves started, first attempts and retries")
			.tag("attempt", attempt)
			.register(this.registry)
			.increment();
		Counter.builder("fleetjobs.rollout.devices.notified")
			.description("Devices sent a rollout's action, first attempts and retries")
			.tag("attempt", attempt)
			.register(this.registry)
			.increment(wave.deviceCount);
	}

	void decision(Object event) {
		Counter.builder("fleetjobs.rollout.decisions")
			.description("Rollout decisions published, by event")
			.tag("event", TypeNames.of(event.getClass()))
			.register(this.registry)
			.increment();
	}

	void ended(RolloutOutcome outcome) {
		Counter.builder("fleetjobs.rollout.ended")
			.description("Rollouts that ended, by outcome")
			.tag("outcome", outcome.name())
			.register(this.registry)
			.increment();
	}

}
