package dev.fleetjobs.request.submission;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code fleetjobs_requests_accepted_total{channel}},
 * {@code fleetjobs_requests_rejected_total{channel,reason}} and
 * {@code fleetjobs_requests_duplicate_total{channel}}. Counters are looked up once per
 * tag combination, not per request.
 */
@Component
class SubmissionMetrics {

	private final MeterRegistry registry;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	SubmissionMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void accepted(String channel) {
		counter("accepted", channel, null, "Job requests published as commands").increment();
	}

	void rejected(String channel, String reason) {
		counter("rejected", channel, reason, "Job requests refused, by reason (error code)").increment();
	}

	void duplicate(String channel) {
		counter("duplicate", channel, null, "Resubmitted requests answered with their existing jobId").increment();
	}

	private Counter counter(String outcome, String channel, String reason, String description) {
		return this.counters.computeIfAbsent(outcome + '|' + channel + '|' + reason, (key) -> {
			Counter.Builder builder = Counter.builder("fleetjobs.requests." + outcome)
				.description(description)
				.tag("channel", channel);
			if (reason != null) {
				builder.tag("reason", reason);
			}
			return builder.register(this.registry);
		});
	}

}
