package dev.fleetjobs.status.view;

import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.status.metrics.StatusMetrics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The view's store and its gauges. */
@Configuration(proxyBeanMethods = false)
class ViewConfiguration {

	@Bean
	JobViewStore jobViewStore(ViewProperties properties, StatusMetrics metrics, JsonMapper json) {
		JobViewStore store = new JobViewStore(properties.maxJobs(), properties.maxDeviceResults(),
				DeviceResultStore.onDisk(properties.resultsDirectory(), json));
		for (JobStatus status : JobStatus.values()) {
			metrics.gauge("fleetjobs.status.jobs",
					"Jobs by status in this instance's view (each instance sees every job: take the max)",
					() -> store.countsByStatus().get(status), "status",
					status.name().toLowerCase(java.util.Locale.ROOT));
		}
		metrics.gauge("fleetjobs.status.view.jobs", "Jobs held in this instance's view", store::size);
		return store;
	}

}
