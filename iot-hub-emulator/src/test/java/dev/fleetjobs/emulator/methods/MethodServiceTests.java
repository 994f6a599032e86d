package dev.fleetjobs.emulator.methods;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.errors.IotHubErrorException;
import dev.fleetjobs.emulator.registry.DeviceRegistry;
import dev.fleetjobs.emulator.registry.DeviceSpec;
import dev.fleetjobs.emulator.store.Store;
import io.netty.util.HashedWheelTimer;
import tools.jackson.databind.node.IntNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Asynchronous direct methods with a fake transport in place of MQTT. */
class MethodServiceTests {

	private final HashedWheelTimer timer = new HashedWheelTimer(10, TimeUnit.MILLISECONDS);

	private final DeviceRegistry registry = new DeviceRegistry(Store.inMemory().map("devices"), Clock.systemUTC());

	private final MethodService methods = new MethodService(this.registry, this.timer);

	private final List<String> sent = new ArrayList<>();

	private volatile boolean online;

	MethodServiceTests() {
		this.registry.create(DeviceSpec.of("d1"));
		this.methods.setTransport((deviceId, name, requestId, payload) -> {
			if (this.online) {
				this.sent.add(requestId);
			}
			return this.online;
		});
	}

	@AfterEach
	void stop() {
		this.timer.stop();
	}

	@Test
	void theDevicesResponseCompletesTheCall() throws Exception {
		this.online = true;
		CompletableFuture<MethodResult> call = this.methods.invoke("d1", request(Duration.ZERO));

		assertThat(this.methods.complete("d1", this.sent.get(0), 202, IntNode.valueOf(7))).isTrue();

		assertThat(call.get(1, TimeUnit.SECONDS)).isEqualTo(new MethodResult(202, IntNode.valueOf(7)));
		assertThat(this.methods.complete("d1", this.sent.get(0), 200, null)).as("a second answer").isFalse();
	}

	@Test
	void anOfflineDeviceFailsAtOnceWithoutAConnectTimeout() {
		CompletableFuture<MethodResult> call = this.methods.invoke("d1", request(Duration.ZERO));

		assertThat(errorOf(call).errorCode()).isEqualTo(404103);
	}

	@Test
	void aDeviceThatBecomesReadyWithinTheConnectTimeoutGetsTheCall() throws Exception {
		CompletableFuture<MethodResult> call = this.methods.invoke("d1", request(Duration.ofSeconds(5)));
		this.online = true;

		this.methods.deviceReady("d1");
		this.methods.complete("d1", this.sent.get(0), 200, null);

		assertThat(call.get(1, TimeUnit.SECONDS).status()).isEqualTo(200);
	}

	@Test
	void aDeviceThatNeverBecomesReadyFailsAfterTheConnectTimeout() {
		CompletableFuture<MethodResult> call = this.methods.invoke("d1", request(Duration.ofSeconds(1)));

		assertThat(errorOf(call).errorCode()).isEqualTo(404103);
		assertThat(this.sent).isEmpty();
	}

	@Test
	void refusesUnknownDevicesBadNamesAndTimeoutsOutOfRange() {
		assertThatThrownBy(() -> this.methods.invoke("nobody", request(Duration.ZERO)))
			.hasMessageContaining("Device nobody not found");
		assertThatThrownBy(() -> this.methods.invoke("d1",
				new MethodRequest("lock door", null, Duration.ofSeconds(5), Duration.ZERO)))
			.hasMessageContaining("method name");
		assertThatThrownBy(() -> this.methods.invoke("d1",
				new MethodRequest("lockDoor", null, Duration.ofSeconds(301), Duration.ZERO)))
			.hasMessageContaining("between 5 and 300");
	}

	private static MethodRequest request(Duration connectTimeout) {
		return new MethodRequest("lockDoor", null, Duration.ofSeconds(5), connectTimeout);
	}

	private static IotHubErrorException errorOf(CompletableFuture<MethodResult> call) {
		try {
			call.get(5, TimeUnit.SECONDS);
			throw new AssertionError("the call succeeded");
		}
		catch (ExecutionException ex) {
			return (IotHubErrorException) ex.getCause();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

}
