package dev.fleetjobs.emulator.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubBadFormatException;
import com.microsoft.azure.sdk.iot.service.registry.serializers.ExportImportDeviceParser;
import com.microsoft.azure.sdk.iot.service.twin.TwinCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.EmulatorConfig;
import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.Devices;
import dev.fleetjobs.emulator.support.SdkRest;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bulk registry operation provisions a tagged fleet in seconds; its own emulator. */
class BulkRegistryIntegrationTests {

	private static IotHubEmulator hub;

	private static ServiceClients service;

	@BeforeAll
	static void start() {
		hub = IotHubEmulator.start(EmulatorConfig.builder().inMemory().httpsPort(0).mqttPort(0).build());
		service = ServiceClients.of(hub);
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	@Test
	void provisionsTenThousandTaggedDevicesInSeconds() throws Exception {
		// Given 10,000 devices without keys, tagged by floor, in calls of the hub's
		// maximum of 100
		long started = System.nanoTime();
		for (int call = 0; call < 100; call++) {
			List<ExportImportDeviceParser> devices = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				int n = call * 100 + i;
				ExportImportDeviceParser device = SdkRest.create(String.format("fleet-%05d", n));
				TwinCollection tags = new TwinCollection();
				tags.put("building", 43);
				tags.put("floor", n % 5);
				device.setTags(tags);
				devices.add(device);
			}
			// When they are sent
			JsonObject result = SdkRest.bulk(hub, devices);
			assertThat(result.get("isSuccessful").getAsBoolean()).isTrue();
		}
		double seconds = (System.nanoTime() - started) / 1e9;

		// Then all exist, with generated keys, tags on their twins, in seconds
		assertThat(seconds).as("seconds to provision 10,000 devices").isLessThan(60);
		assertThat(count("STARTSWITH(deviceId, 'fleet-')")).isEqualTo(10_000);
		assertThat(count("tags.floor = 3 AND tags.building = 43")).isEqualTo(2000);
		DeviceClient device = Devices.overWebSockets(hub, "fleet-04242");
		try {
			device.open(false);
		}
		finally {
			device.close();
		}
		System.out.printf("Provisioned 10,000 devices with the bulk operation in %.1f s%n", seconds);
	}

	private static int count(String condition) throws Exception {
		String result = service.query()
			.queryRaw("SELECT COUNT() AS numberOfDevices FROM devices WHERE " + condition)
			.next();
		return JsonParser.parseString(result).getAsJsonObject().get("numberOfDevices").getAsInt();
	}

	@Test
	void reportsEachFailedDeviceAndAppliesTheRest() throws Exception {
		SdkRest.bulk(hub, List.of(SdkRest.create("bulk-existing")));

		JsonObject result = SdkRest.bulk(hub, List.of(SdkRest.create("bulk-existing"), SdkRest.create("bulk-new")));

		assertThat(result.get("isSuccessful").getAsBoolean()).isFalse();
		JsonObject error = result.getAsJsonArray("errors").get(0).getAsJsonObject();
		assertThat(Map.of("deviceId", error.get("deviceId").getAsString(), "errorCode",
				error.get("errorCode").getAsString()))
			.containsEntry("deviceId", "bulk-existing")
			.containsEntry("errorCode", "DeviceAlreadyExists");
		assertThat(service.registry().getDevice("bulk-new").getPrimaryKey()).isNotBlank();
	}

	@Test
	void deletesInBulk() throws Exception {
		SdkRest.bulk(hub, List.of(SdkRest.create("bulk-gone-1"), SdkRest.create("bulk-gone-2")));
		ExportImportDeviceParser delete = SdkRest.create("bulk-gone-1");
		delete.setImportMode("delete");

		assertThat(SdkRest.bulk(hub, List.of(delete)).get("isSuccessful").getAsBoolean()).isTrue();
		assertThatThrownBy(() -> service.registry().getDevice("bulk-gone-1")).hasMessageContaining("DeviceNotFound");
	}

	@Test
	void refusesMoreThanOneHundredDevicesPerCall() {
		List<ExportImportDeviceParser> devices = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			devices.add(SdkRest.create("too-many-" + i));
		}

		assertThatThrownBy(() -> SdkRest.bulk(hub, devices)).isInstanceOf(IotHubBadFormatException.class)
			.hasMessageContaining("at most 100");
	}

}
