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

	/**
	 * Idle HTTPS connections kept to the hub: more than the listener threads and the
	 * hub-call pool use at once.
	 */
	static final int HUB_CONNECTIONS = 32;

	public static void main(String[] args) {
		HubKeepAlive.allow(HUB_CONNECTIONS);
		SpringApplication.run(JobExecutorApplication.class, args);
	}

}
