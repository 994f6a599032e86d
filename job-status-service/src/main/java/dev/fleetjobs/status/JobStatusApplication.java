package dev.fleetjobs.status;

import dev.fleetjobs.support.hub.HubKeepAlive;
import dev.fleetjobs.support.web.ConnectionLimits;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * Turns Azure IoT Hub job state into events: progress on {@code fleetjobs.progress}, one
 * result per device on {@code fleetjobs.device-results}, a read API with live progress
 * and Prometheus metrics, polling the hub within a budget.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ConnectionLimits.class)
public class JobStatusApplication {

	public static void main(String[] args) {
		HubKeepAlive.allow(HubKeepAlive.SERVICE_CONNECTIONS);
		SpringApplication.run(JobStatusApplication.class, args);
	}

}
