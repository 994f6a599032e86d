package dev.fleetjobs.request;

import dev.fleetjobs.support.web.ConnectionLimits;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The front door of FleetJobs: job requests by REST and Kafka, validated, authorized,
 * idempotent, published as commands on {@code fleetjobs.commands}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ConnectionLimits.class)
public class JobRequestApplication {

	public static void main(String[] args) {
		SpringApplication.run(JobRequestApplication.class, args);
	}

}
