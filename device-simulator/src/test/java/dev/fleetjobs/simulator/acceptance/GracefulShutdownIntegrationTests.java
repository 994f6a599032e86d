package dev.fleetjobs.simulator.acceptance;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.fleetjobs.simulator.SimulatorApplication;
import dev.fleetjobs.simulator.support.TestHub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Closing the app (what SIGTERM does) disconnects every device it connected. */
class GracefulShutdownIntegrationTests {

	private final TestHub hub = TestHub.get();

	@Test
	void shutdownDisconnectsEveryDevice() {
		// Given a running fleet of the SDK engine
		ConfigurableApplicationContext app = new SpringApplicationBuilder(SimulatorApplication.class).run(
				"--server.port=0",
				"--fleetjobs.simulator.hub.connection-string=" + this.hub.emulator().connectionString("iothubowner"),
				"--fleetjobs.simulator.hub.https-port=" + this.hub.emulator().httpsPort(),
				"--fleetjobs.simulator.hub.ca-certificate=" + this.hub.emulator().caPemPath(),
				"--fleetjobs.simulator.engine.kind=sdk", "--fleetjobs.simulator.fleet.count=3",
				"--fleetjobs.simulator.fleet.id-pattern=bye-{n}");
		List<String> devices = List.of("bye-1", "bye-2", "bye-3");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> devices.stream().allMatch(this.hub.emulator().sessions()::isConnected));

		// When
		app.close();

		// Then
		assertThat(devices).noneMatch(this.hub.emulator().sessions()::isConnected);
	}

}
