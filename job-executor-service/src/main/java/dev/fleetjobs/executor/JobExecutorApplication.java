package dev.fleetjobs.executor;

import dev.fleetjobs.support.hub.HubKeepAlive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Turns {@code ScheduleJob} and {@code CancelJob} commands into IoT Hub scheduled jobs,
 * exactly once per jobId, through the hub's throttles and its concurrent-job limit, and
 * reports each outcome on {@code fleetjobs.lifecycle}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JobExecutorApplication {

	public static void main(String[] args) {
		HubKeepAlive.allow(HubKeepAlive.SERVICE_CONNECTIONS);
		SpringApplication.run(JobExecutorApplication.class, args);
	}

}
