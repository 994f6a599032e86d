package dev.fleetjobs.simulator.system;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One line every {@code fleetjobs.simulator.log.summary-interval}: devices connected,
 * what happened since the last line, and how many log lines the sampler held back.
 */
@Component
class FleetSummary {

	private static final Logger log = LoggerFactory.getLogger(FleetSummary.class);

	private final SimulatorMetrics metrics;

	private SimulatorMetrics.Totals last;

	FleetSummary(SimulatorMetrics metrics) {
		this.metrics = metrics;
		this.last = metrics.totals();
	}

	@Scheduled(fixedRateString = "${fleetjobs.simulator.log.summary-interval:30s}",
			initialDelayString = "${fleetjobs.simulator.log.summary-interval:30s}")
	void summarize() {
		SimulatorMetrics.Totals now = this.metrics.totals();
		Map<String, Long> suppressed = LogSampler.drainSuppressed();
		log.info(
				"Fleet: {}/{} devices connected; since the last summary {} methods ({} not 2xx), {} desired patches, "
						+ "{} reconnects, {} refused reports, {} failed connects{}",
				now.connected(), now.expected(), now.methods() - this.last.methods(),
				now.failedMethods() - this.last.failedMethods(), now.desiredPatches() - this.last.desiredPatches(),
				now.reconnects() - this.last.reconnects(), now.refusedReports() - this.last.refusedReports(),
				now.connectFailures() - this.last.connectFailures(),
				suppressed.isEmpty() ? "" : "; log lines held back: " + suppressed);
		this.last = now;
	}

}
