package dev.fleetjobs.emulator.acceptance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.google.gson.JsonParser;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubBadFormatException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubException;
import com.microsoft.azure.sdk.iot.service.query.QueryPageOptions;
import com.microsoft.azure.sdk.iot.service.query.TwinQueryResponse;
import com.microsoft.azure.sdk.iot.service.registry.serializers.ExportImportDeviceParser;
import com.microsoft.azure.sdk.iot.service.twin.TwinCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.support.EmulatorTest;
import dev.fleetjobs.emulator.support.SdkRest;
import dev.fleetjobs.emulator.support.ServiceClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code POST /devices/query} through QueryClient: paging, projections, errors. */
@EmulatorTest
class QueryIntegrationTests {

	private static final String PAGED = "SELECT * FROM devices WHERE STARTSWITH(deviceId, 'q250-')";

	@BeforeAll
	static void twoHundredFiftyDevices(IotHubEmulator hub) throws Exception {
		for (int call = 0; call < 3; call++) {
			List<ExportImportDeviceParser> devices = new ArrayList<>();
			for (int i = call * 100; i < Math.min(250, call * 100 + 100); i++) {
				ExportImportDeviceParser device = SdkRest.create(String.format("q250-%03d", i));
				TwinCollection tags = new TwinCollection();
				tags.put("shard", i % 2 == 0 ? "even" : "odd");
				device.setTags(tags);
				devices.add(device);
			}
			SdkRest.bulk(hub, devices);
		}
	}

	@Test
	void pagedQueryOverTwoHundredFiftyDevicesReturnsEachExactlyOnce(ServiceClients service) throws Exception {
		// When 250 matching twins are read seven at a time
		TwinQueryResponse response = service.query().queryTwins(PAGED, QueryPageOptions.builder().pageSize(7).build());
		List<String> ids = new ArrayList<>();
		while (response.hasNext()) {
			ids.add(response.next().getDeviceId());
		}

		// Then each device comes exactly once, in device id order
		assertThat(ids).hasSize(250).doesNotHaveDuplicates().isSorted();
		assertThat(new HashSet<>(ids)).contains("q250-000", "q250-249");
	}

	@Test
	void projectionsAndCountsComeBackAsPlainObjects(ServiceClients service) throws Exception {
		var raw = service.query()
			.queryRaw("SELECT tags.shard AS shard, COUNT() AS numberOfDevices FROM devices "
					+ "WHERE STARTSWITH(deviceId, 'q250-') GROUP BY tags.shard");
		Set<String> groups = new HashSet<>();
		while (raw.hasNext()) {
			var group = JsonParser.parseString(raw.next()).getAsJsonObject();
			groups.add(group.get("shard").getAsString() + "=" + group.get("numberOfDevices").getAsInt());
		}

		assertThat(groups).containsExactlyInAnyOrder("even=125", "odd=125");
	}

	@Test
	void filtersOnTagsStatusAndConnectionState(ServiceClients service) throws Exception {
		var raw = service.query()
			.queryRaw("SELECT deviceId FROM devices WHERE tags.shard = 'odd' AND status = 'enabled' "
					+ "AND connectionState = 'Disconnected' AND deviceId IN ['q250-001', 'q250-002', 'q250-003']");
		List<String> ids = new ArrayList<>();
		while (raw.hasNext()) {
			ids.add(JsonParser.parseString(raw.next()).getAsJsonObject().get("deviceId").getAsString());
		}

		assertThat(ids).containsExactly("q250-001", "q250-003");
	}

	@Test
	void malformedQueryGetsA400ThatNamesTheProblem(ServiceClients service) {
		assertThatThrownBy(() -> service.query().queryRaw("SELECT * FROM devices WHERE deviceId = ").next())
			.isInstanceOf(IotHubBadFormatException.class)
			.hasMessageContaining("The query is invalid");
	}

	@Test
	void randomGarbageNeverYieldsAServerError(ServiceClients service) throws Exception {
		Random random = new Random(42);
		String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 .,'\"()[]=<>!*+-/%_$@#:;\\ANDORNOTINSELECTFROMWHERE";
		for (int i = 0; i < 150; i++) {
			StringBuilder garbage = new StringBuilder("select ");
			int length = random.nextInt(40);
			for (int c = 0; c < length; c++) {
				garbage.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			garbage.insert(7 + random.nextInt(garbage.length() - 6), " from devices ");
			try {
				service.query().queryRaw(garbage.toString()).next();
			}
			catch (IotHubException ex) {
				assertThat(ex).as("query %s", garbage).isInstanceOf(IotHubBadFormatException.class);
			}
		}
	}

}
