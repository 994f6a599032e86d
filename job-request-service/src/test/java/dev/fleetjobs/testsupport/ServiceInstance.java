package dev.fleetjobs.testsupport;

import java.util.ArrayList;
import java.util.List;

import dev.fleetjobs.request.JobRequestApplication;
import dev.fleetjobs.support.testing.Api;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the service in the test JVM, e.g. a restarted one, a second one, or
 * one pointed at a broker that is down. Its Kafka ingress listener does not start unless
 * asked, so it never joins the shared consumer group.
 */
public final class ServiceInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private ServiceInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static ServiceInstance start(String brokers, String... extraArguments) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--spring.kafka.bootstrap-servers=" + brokers, "--spring.kafka.listener.auto-startup=false",
				"--fleetjobs.security.generate-local-key=false", "--fleetjobs.security.data-dir=target/test-data",
				"--fleetjobs.security.api-keys[0].name=" + TestCredentials.ALL_SCOPES_NAME,
				"--fleetjobs.security.api-keys[0].hash=" + TestCredentials.ALL_SCOPES_HASH,
				"--fleetjobs.security.api-keys[0].scopes=jobs:submit,jobs:cancel,jobs:read",
				"--spring.jmx.enabled=false", "--spring.main.banner-mode=off", "--fleetjobs.topics.partitions=3"));
		arguments.addAll(List.of(extraArguments));
		return new ServiceInstance(
				new SpringApplicationBuilder(JobRequestApplication.class).run(arguments.toArray(String[]::new)));
	}

	public Api api() {
		return new Api(((WebServerApplicationContext) this.context).getWebServer().getPort());
	}

	/** Its management port: health and metrics. */
	public Api management() {
		return new Api(this.context.getEnvironment().getRequiredProperty("local.management.port", Integer.class));
	}

	@Override
	public void close() {
		this.context.close();
	}

}
