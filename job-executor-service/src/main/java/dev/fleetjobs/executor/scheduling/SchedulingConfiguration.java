package dev.fleetjobs.executor.scheduling;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** The bounded pool on which the hub creates of a batch run together. */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

	@Bean(destroyMethod = "shutdown")
	ExecutorService hubCalls(SchedulingProperties properties) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("hub-call-");
		threads.setDaemon(true);
		return Executors.newFixedThreadPool(properties.hubCallConcurrency(), threads);
	}

}
