package dev.fleetjobs.simulator.light;

import org.junit.jupiter.api.Test;

import dev.fleetjobs.simulator.light.IotHubTopics.Incoming;
import dev.fleetjobs.simulator.light.IotHubTopics.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class IotHubTopicsTests {

	@Test
	void readsMethodCallsWithTheirRequestId() {
		assertThat(IotHubTopics.parse("$iothub/methods/POST/lockDoor/?$rid=1f"))
			.isEqualTo(new Incoming(Kind.METHOD, "lockDoor", "1f", 0, -1));
	}

	@Test
	void readsTwinResponsesWithStatusRequestIdAndVersionInAnyOrder() {
		assertThat(IotHubTopics.parse("$iothub/twin/res/204/?$rid=p3&$version=12"))
			.isEqualTo(new Incoming(Kind.TWIN_RESPONSE, null, "p3", 204, 12));
		assertThat(IotHubTopics.parse("$iothub/twin/res/200/?$version=4&$rid=g1"))
			.isEqualTo(new Incoming(Kind.TWIN_RESPONSE, null, "g1", 200, 4));
	}

	@Test
	void readsDesiredNotificationsWithTheirVersion() {
		assertThat(IotHubTopics.parse("$iothub/twin/PATCH/properties/desired/?$version=7"))
			.isEqualTo(new Incoming(Kind.DESIRED, null, null, 0, 7));
	}

	@Test
	void otherTopicsAreNotForTheDoorLock() {
		assertThat(IotHubTopics.parse("devices/d1/messages/devicebound/%24.mid=1").kind()).isEqualTo(Kind.OTHER);
	}

	@Test
	void writesTheTopicsTheHubExpects() {
		assertThat(IotHubTopics.methodResponse(404, "9")).isEqualTo("$iothub/methods/res/404/?$rid=9");
		assertThat(IotHubTopics.twinGet("g2")).isEqualTo("$iothub/twin/GET/?$rid=g2");
		assertThat(IotHubTopics.reportedPatch("p5")).isEqualTo("$iothub/twin/PATCH/properties/reported/?$rid=p5");
	}

}
