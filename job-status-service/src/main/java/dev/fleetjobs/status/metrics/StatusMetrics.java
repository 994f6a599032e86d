package dev.fleetjobs.status.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Every meter of this service, named for the Grafana dashboard (README, "Metrics"). The
 * owner of a job (the instance that polls it) records its device outcomes, durations and
 * hub calls, so those sum across instances; the job gauges come from each instance's full
 * view, so take their max across instances.
 */
@Component
public class StatusMetrics {

	private final MeterRegistry registry;

	public StatusMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** {@code fleetjobs_status_hub_calls_total{operation, outcome}}. */
	public void hubCall(String operation, String outcome) {
		Counter.builder("fleetjobs.status.hub.calls")
			.description("IoT Hub calls by operation and outcome (success, throttled, not-found, unavailable, refused)")
			.tag("operation", operation)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	/** {@code fleetjobs_status_device_outcomes_total{job_type, outcome}}. */
	public void deviceOutcomes(String jobType, String outcome, long count) {
		Counter.builder("fleetjobs.status.device.outcomes")
			.description("Per-device results published, by job type and the device's final status")
			.tag("job_type", tag(jobType))
			.tag("outcome", tag(outcome))
			.register(this.registry)
			.increment(count);
	}

	/**
	 * {@code fleetjobs_status_job_duration_seconds{job_type, status}}: hub start to end.
	 */
	public void jobDuration(String jobType, String status, Duration duration) {
		timer("fleetjobs.status.job.duration", "A job's run time on the hub, from its start to its end", jobType)
			.tag("status", tag(status))
			.register(this.registry)
			.record(duration);
	}

	/**
	 * {@code fleetjobs_status_time_to_first_progress_seconds{job_type}}: from the job's
	 * submission to the first progress event that shows it running (or ended).
	 */
	public void timeToFirstProgress(String jobType, Duration duration) {
		timer("fleetjobs.status.time.to.first.progress",
				"From a job's submission to the first progress event that shows it running or ended", jobType)
			.register(this.registry)
			.record(duration);
	}

	/**
	 * {@code fleetjobs_status_publish_lag_seconds{event}}: from the hub's end time to the
	 * {@code terminal} progress event, and to the {@code final} one (with every device
	 * result): the freshness of the events.
	 */
	public void publishLag(String event, Duration lag) {
		Timer.builder("fleetjobs.status.publish.lag")
			.description("From the hub's end time of a job to the terminal or final progress event on Kafka")
			.tag("event", event)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(lag.isNegative() ? Duration.ZERO : lag);
	}

	/** A counter, registered at once so that its series exists before the first event. */
	public Counter counter(String name, String description, String... tags) {
		return Counter.builder(name).description(description).tags(tags).register(this.registry);
	}

	/** A gauge over a state object, e.g. the tracked jobs. */
	public <T> void gauge(String name, String description, T state, ToDoubleFunction<T> value, String... tags) {
		Gauge.builder(name, state, value)
			.description(description)
			.tags(tags)
			.strongReference(true)
			.register(this.registry);
	}

	/** A gauge read from a supplier. */
	public void gauge(String name, String description, Supplier<Number> value, String... tags) {
		Gauge.builder(name, value).description(description).tags(tags).strongReference(true).register(this.registry);
	}

	private static Timer.Builder timer(String name, String description, String jobType) {
		return Timer.builder(name).description(description).tag("job_type", tag(jobType)).publishPercentileHistogram();
	}

	private static String tag(String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : "unknown";
	}

}
