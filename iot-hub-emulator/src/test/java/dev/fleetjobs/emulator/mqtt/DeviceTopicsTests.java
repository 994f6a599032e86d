package dev.fleetjobs.emulator.mqtt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub's device topics, as the Java and Node SDKs write them. */
class DeviceTopicsTests {

	@Test
	void parsesMethodResponsesWithStatusAndRequestId() {
		assertThat(DeviceTopics.parse("$iothub/methods/res/201/?$rid=1f", "d1"))
			.isEqualTo(new DeviceTopics.MethodResponse(201, "1f"));
		assertThat(DeviceTopics.parse("$iothub/methods/res/abc/?$rid=1", "d1"))
			.isInstanceOf(DeviceTopics.Unknown.class);
	}

	@Test
	void parsesTwinRequestsWithTheRequestIdInAnyOrder() {
		assertThat(DeviceTopics.parse("$iothub/twin/GET/?$rid=abc", "d1")).isEqualTo(new DeviceTopics.TwinGet("abc"));
		assertThat(DeviceTopics.parse("$iothub/twin/PATCH/properties/reported/?$version=4&$rid=r2", "d1"))
			.isEqualTo(new DeviceTopics.ReportedPatch("r2"));
		assertThat(DeviceTopics.parse("$iothub/twin/GET/", "d1")).isInstanceOf(DeviceTopics.Unknown.class);
	}

	@Test
	void recognisesTelemetryOnlyOnTheDevicesOwnTopic() {
		assertThat(DeviceTopics.parse("devices/d1/messages/events/%24.ct=application%2Fjson", "d1"))
			.isInstanceOf(DeviceTopics.Telemetry.class);
		assertThat(DeviceTopics.parse("devices/d2/messages/events/", "d1")).isInstanceOf(DeviceTopics.Unknown.class);
	}

	@Test
	void readsTheTelemetryPropertyBagAndTheHubsTestFault() {
		DeviceTopics.Inbound inbound = DeviceTopics
			.parse("devices/d1/messages/events/AzIoTHub_FaultOperationType=KillTcp"
					+ "&AzIoTHub_FaultOperationDelayInSecs=3&%24.ct=application%2Fjson", "d1");
		assertThat(inbound).isInstanceOfSatisfying(DeviceTopics.Telemetry.class, (telemetry) -> {
			assertThat(telemetry.faultOperation()).isEqualTo("KillTcp");
			assertThat(telemetry.faultDelaySeconds()).isEqualTo(3);
			assertThat(telemetry.properties()).containsEntry("$.ct", "application/json");
		});
		DeviceTopics.Telemetry plain = (DeviceTopics.Telemetry) DeviceTopics.parse("devices/d1/messages/events/", "d1");
		assertThat(plain.faultOperation()).isNull();
		assertThat(plain.faultDelaySeconds()).isZero();
	}

	@Test
	void classifiesTheFiltersTheSdksSubscribeTo() {
		assertThat(DeviceTopics.classify("$iothub/methods/POST/#", "d1")).isEqualTo(Subscription.METHODS);
		assertThat(DeviceTopics.classify("$iothub/twin/res/#", "d1")).isEqualTo(Subscription.TWIN_RESPONSES);
		assertThat(DeviceTopics.classify("$iothub/twin/PATCH/properties/desired/#", "d1"))
			.isEqualTo(Subscription.DESIRED);
		assertThat(DeviceTopics.classify("devices/d1/messages/devicebound/#", "d1"))
			.isEqualTo(Subscription.CLOUD_TO_DEVICE);
		assertThat(DeviceTopics.classify("devices/d2/messages/devicebound/#", "d1")).isNull();
		assertThat(DeviceTopics.classify("#", "d1")).isNull();
	}

	@Test
	void writesResponseTopicsWithRidBeforeVersion() {
		assertThat(DeviceTopics.twinResponse(204, "r1", 7L)).isEqualTo("$iothub/twin/res/204/?$rid=r1&$version=7");
		assertThat(DeviceTopics.twinResponse(200, "r1", null)).isEqualTo("$iothub/twin/res/200/?$rid=r1");
		assertThat(DeviceTopics.desiredPatch(3)).isEqualTo("$iothub/twin/PATCH/properties/desired/?$version=3");
		assertThat(DeviceTopics.methodRequest("lockDoor", "a")).isEqualTo("$iothub/methods/POST/lockDoor/?$rid=a");
	}

}
