package dev.fleetjobs.status.testsupport;

import java.util.ArrayList;
import java.util.List;

import dev.fleetjobs.status.JobStatusApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the service in the test JVM, on the same broker, hub and consumer
 * group as the shared one: the second of two instances.
 */
public final class ServiceInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private ServiceInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static ServiceInstance start(String brokers, String... extraArguments) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + brokers,
				"--fleetjobs.security.local-key-file=target/no-local-key-file",
				"--fleetjobs.hub-budget.job-operations-per-minute=90", "--fleetjobs.hub-budget.queries-per-minute=18",
				"--fleetjobs.tracking.tick=50ms", "--fleetjobs.tracking.cadence[0].after=0s",
				"--fleetjobs.tracking.cadence[0].every=250ms", "--fleetjobs.results.retry-interval=200ms",
				"--fleetjobs.topics.transaction-timeout=10s", "--fleetjobs.topics.partitions=3",
				"--spring.jmx.enabled=false", "--spring.main.banner-mode=off", "--management.server.port=-1"));
		TestHub.get().properties().forEach((key, value) -> arguments.add("--" + key + "=" + value));
		arguments.addAll(List.of(extraArguments));
		return new ServiceInstance(
				new SpringApplicationBuilder(JobStatusApplication.class).run(arguments.toArray(String[]::new)));
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
