package dev.fleetjobs.simulator.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSamplerTests {

	private final LoggerContext context = new LoggerContext();

	@Test
	void eachLoggerWritesAtMostItsLinesPerSecondAndTheRestAreCounted() {
		// Given
		LogSampler sampler = new LogSampler();
		sampler.setLinesPerSecond(5);
		Logger noisy = logger("test.noisy");
		Logger quiet = logger("test.quiet");
		LogSampler.drainSuppressed();

		// When
		int written = 0;
		for (int i = 0; i < 1_000; i++) {
			if (sampler.decide(null, noisy, Level.WARN, "line {}", new Object[] { i }, null) == FilterReply.NEUTRAL) {
				written++;
			}
		}
		FilterReply quietReply = sampler.decide(null, quiet, Level.WARN, "line", null, null);

		// Then: one or two one-second windows at most
		assertThat(written).isBetween(5, 10);
		assertThat(quietReply).isEqualTo(FilterReply.NEUTRAL);
		assertThat(LogSampler.drainSuppressed()).containsEntry("test.noisy", (long) (1_000 - written));
		assertThat(LogSampler.drainSuppressed()).doesNotContainKey("test.noisy");
	}

	@Test
	void disabledLevelsAndEnabledChecksAreNotCounted() {
		// Given
		LogSampler sampler = new LogSampler();
		sampler.setLinesPerSecond(1);
		Logger logger = logger("test.levels");
		logger.setLevel(Level.WARN);
		LogSampler.drainSuppressed();

		// When
		for (int i = 0; i < 100; i++) {
			sampler.decide(null, logger, Level.DEBUG, "debug", null, null);
			sampler.decide(null, logger, Level.WARN, null, null, null);
		}

		// Then
		assertThat(LogSampler.drainSuppressed()).doesNotContainKey("test.levels");
	}

	private Logger logger(String name) {
		return this.context.getLogger(name);
	}

}
