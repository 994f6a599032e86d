package dev.fleetjobs.emulator.acceptance;

import java.util.Map;

import com.microsoft.azure.sdk.iot.service.exceptions.IotHubBadFormatException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubException;
import com.microsoft.azure.sdk.iot.service.methods.DirectMethodRequestOptions;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.SdkRest;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input gets the hub's 400 with a clear message, and the emulator keeps serving. */
@EmulatorTest
class BadInputIntegrationTests {

	private ServiceClients service;

	@AfterEach
	void emulatorStillServes() throws Exception {
		if (this.service != null) {
			assertThat(this.service.registry().getStatistics().getTotalDeviceCount()).isNotNegative();
		}
	}

	@Test
	void malformedJsonGets400(IotHubEmulator hub, ServiceClients service) {
		this.service = service;

		assertThatThrownBy(() -> SdkRest.send(hub, "PUT", "/devices/bad-json", "{\"deviceId\": \"bad-json\", "))
			.isInstanceOf(IotHubBadFormatException.class)
			.hasMessageContaining("not valid JSON");
	}

	@Test
	void methodPayloadOver128KbGets400(ServiceClients service) throws Exception {
		this.service = service;
		service.registry().addDevice(new Device("big-payload"));
		var options = DirectMethodRequestOptions.builder()
			.payload(Map.of("blob", "x".repeat(129 * 1024)))
			.methodResponseTimeoutSeconds(5)
			.methodConnectTimeoutSeconds(0)
			.build();

		assertThatThrownBy(() -> service.methods().invoke("big-payload", "upload", options))
			.isInstanceOf(IotHubBadFormatException.class)
			.hasMessageContaining("128 KB");
	}

	@Test
	void desiredSectionOver32KbGets400AndLeavesTheTwinUnchanged(ServiceClients service) throws Exception {
		this.service = service;
		service.registry().addDevice(new Device("big-twin"));
		Twin twin = service.twins().get("big-twin");
		for (int i = 0; i < 9; i++) {
			twin.getDesiredProperties().put("chunk" + i, "y".repeat(3900));
		}

		assertThatThrownBy(() -> service.twins().patch(twin)).isInstanceOf(IotHubBadFormatException.class)
			.hasMessageContaining("32768 bytes");
		assertThat(service.twins().get("big-twin").getDesiredProperties()).isEmpty();
	}

	@Test
	void invalidDeviceIdsGet400(ServiceClients service) {
		this.service = service;

		assertThatThrownBy(() -> service.registry().addDevice(new Device("bad^id")))
			.isInstanceOf(IotHubBadFormatException.class)
			.hasMessageContaining("device id 'bad^id' is invalid");
		assertThatThrownBy(() -> service.registry().addDevice(new Device("d".repeat(129))))
			.isInstanceOf(IotHubBadFormatException.class)
			.hasMessageContaining("up to 128");
	}

	@Test
	void invalidTwinPropertyNamesGet400(IotHubEmulator hub, ServiceClients service) throws Exception {
		this.service = service;
		service.registry().addDevice(new Device("bad-names"));

		assertThatThrownBy(
				() -> SdkRest.send(hub, "PUT", "/twins/bad-names", "{\"properties\":{\"desired\":{\"a.b\":1}}}"))
			.isInstanceOf(IotHubBadFormatException.class)
			.hasMessageContaining("'a.b'");
	}

	@Test
	void bodyOverOneMegabyteGets413(IotHubEmulator hub, ServiceClients service) {
		this.service = service;

		assertThatThrownBy(
				() -> SdkRest.send(hub, "PUT", "/devices/huge", "{\"x\":\"" + "z".repeat(1100 * 1024) + "\"}"))
			.isInstanceOf(IotHubException.class)
			.hasMessageContaining("MessageTooLarge");
	}

}
