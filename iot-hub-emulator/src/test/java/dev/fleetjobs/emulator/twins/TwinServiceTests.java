package dev.fleetjobs.emulator.twins;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.errors.IotHubErrorException;
import dev.fleetjobs.emulator.json.Json;
import dev.fleetjobs.emulator.registry.DeviceRegistry;
import dev.fleetjobs.emulator.registry.DeviceSpec;
import dev.fleetjobs.emulator.registry.DeviceStatus;
import dev.fleetjobs.emulator.store.Store;
import dev.fleetjobs.query.Query;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Twin rules: merge, null deletes, versions, metadata, etags, limits and notifications.
 */
class TwinServiceTests {

	private final Store store = Store.inMemory();

	private final DeviceRegistry registry = new DeviceRegistry(this.store.map("devices"), Clock.systemUTC());

	private final TwinService twins = new TwinService(this.registry, this.store.map("twins"), Clock.systemUTC());

	private final List<String> notifications = new ArrayList<>();

	TwinServiceTests() {
		this.registry.create(DeviceSpec.of("d1"));
		this.twins.addDesiredListener((deviceId, patch, version) -> this.notifications.add(Json.text(patch)));
	}

	@Test
	void nestedPatchMergesAndNullDeletesWithMetadataAndVersions() {
		this.twins.patch("d1", json("{'properties':{'desired':{'climate':{'min':18,'max':24},'fan':true}}}"), null);

		ObjectNode twin = this.twins.patch("d1", json("{'properties':{'desired':{'climate':{'max':null},'fan':null}}}"),
				null);

		ObjectNode desired = (ObjectNode) twin.at("/properties/desired");
		assertThat(Json.text(desired.get("climate"))).isEqualTo("{\"min\":18}");
		assertThat(desired.has("fan")).isFalse();
		assertThat(desired.get("$version").asInt()).isEqualTo(3);
		assertThat(desired.at("/$metadata/climate/min/$lastUpdatedVersion").asInt()).isEqualTo(2);
		assertThat(desired.at("/$metadata/climate/$lastUpdatedVersion").asInt()).isEqualTo(3);
		assertThat(desired.at("/$metadata/fan").isMissingNode()).isTrue();
		assertThat(twin.get("version").asInt()).isEqualTo(3);
		assertThat(this.notifications).containsExactly(
				"{\"climate\":{\"min\":18,\"max\":24},\"fan\":true,\"$version\":2}",
				"{\"climate\":{\"max\":null},\"fan\":null,\"$version\":3}");
	}

	@Test
	void matchingIdsAgreesWithMatchingTheWholeTwinWhateverTheConditionReads() {
		this.registry.create(DeviceSpec.of("d2"));
		this.registry.create(new DeviceSpec("d3", DeviceStatus.DISABLED, "retired", null, null, false));
		this.twins.patch("d1", json("{'tags':{'building':43,'floor':3}}"), null);
		this.twins.patch("d2", json("{'tags':{'building':43,'floor':4},'properties':{'desired':{'mode':'eco'}}}"),
				null);
		this.twins.patch("d3", json("{'tags':{'building':43,'floor':3}}"), null);
		this.twins.updateReported("d2", json("{'battery':20}"));

		for (String condition : List.of("tags.building = 43 AND tags.floor = 3", "Tags.floor = 4",
				"properties.desired.mode = 'eco'", "properties.reported.battery < 50 OR DeviceId = 'd1'",
				"STARTSWITH(deviceId, 'd') AND NOT IS_DEFINED(tags.wing)", "tags.floor = 3 AND status = 'enabled'",
				"status = 'disabled'", "connectionState = 'Disconnected' AND tags.floor = 4", "*")) {
			Query query = Query.parseCondition(condition);
			List<String> expected = new ArrayList<>();
			this.twins.documents().forEach((twin) -> {
				if (query.matches(twin)) {
					expected.add(twin.get("deviceId").asString());
				}
			});
			assertThat(this.twins.matchingIds(query)).as(condition).isNotEmpty().isEqualTo(expected);
		}
		assertThat(this.twins.matchingIds(Query.parseCondition("tags.floor = 3 AND status = 'enabled'")))
			.containsExactly("d1");
	}

	@Test
	void emptyPatchChangesNothing() {
		ObjectNode before = this.twins.get("d1");

		ObjectNode after = this.twins.patch("d1", json("{'tags':{},'properties':{'desired':{}}}"), null);

		assertThat(after.get("etag")).isEqualTo(before.get("etag"));
		assertThat(this.notifications).isEmpty();
	}

	@Test
	void desiredNullRemovesEveryDesiredPropertyBumpsItsVersionAndTellsTheDevice() {
		this.twins.patch("d1", json("{'tags':{'t':1},'properties':{'desired':{'a':1,'b':{'c':2}}}}"), null);

		ObjectNode twin = this.twins.patch("d1", json("{'properties':{'desired':null}}"), "*");

		ObjectNode desired = (ObjectNode) twin.at("/properties/desired");
		assertThat(desired.propertyNames()).containsExactlyInAnyOrder("$metadata", "$version");
		assertThat(desired.get("$version").asInt()).isEqualTo(3);
		assertThat(desired.at("/$metadata/$lastUpdatedVersion").asInt()).isEqualTo(3);
		assertThat(desired.get("$metadata").propertyNames()).containsExactlyInAnyOrder("$lastUpdated",
				"$lastUpdatedVersion");
		assertThat(twin.get("version").asInt()).isEqualTo(3);
		assertThat(Json.text(twin.get("tags"))).isEqualTo("{\"t\":1}");
		assertThat(this.notifications).last().isEqualTo("{\"a\":null,\"b\":null,\"$version\":3}");
	}

	@Test
	void desiredNullOnNoDesiredPropertiesStillBumpsTheVersion() {
		ObjectNode twin = this.twins.patch("d1", json("{'properties':{'desired':null}}"), null);

		assertThat(twin.at("/properties/desired/$version").asInt()).isEqualTo(2);
		assertThat(this.notifications).containsExactly("{\"$version\":2}");
	}

	@Test
	void tagsNullRemovesEveryTagAndLeavesDesiredAlone() {
		this.twins.patch("d1", json("{'tags':{'a':1,'b':{'c':2}},'properties':{'desired':{'mode':'eco'}}}"), null);

		ObjectNode twin = this.twins.patch("d1", json("{'tags':null}"), null);

		assertThat(Json.text(twin.get("tags"))).isEqualTo("{}");
		assertThat(twin.at("/properties/desired/mode").asString()).isEqualTo("eco");
		assertThat(twin.at("/properties/desired/$version").asInt()).isEqualTo(2);
		assertThat(this.notifications).hasSize(1);
	}

	@Test
	void replaceSendsTheNewDesiredWithNullForRemovedKeys() {
		this.twins.patch("d1", json("{'properties':{'desired':{'a':1,'b':2}}}"), null);

		this.twins.replace("d1", json("{'tags':{'t':1},'properties':{'desired':{'b':3}}}"), "*");

		assertThat(this.notifications.get(1)).isEqualTo("{\"b\":3,\"a\":null,\"$version\":3}");
		assertThat(this.twins.get("d1").get("tags").toString()).isEqualTo("{\"t\":1}");
	}

	@Test
	void reportedPatchesBumpTheReportedVersionOnly() {
		long version = this.twins.updateReported("d1", json("{'battery':80}"));

		ObjectNode view = this.twins.deviceView("d1");
		assertThat(version).isEqualTo(2);
		assertThat(view.at("/reported/battery").asInt()).isEqualTo(80);
		assertThat(view.at("/desired/$version").asInt()).isEqualTo(1);
		assertThat(view.at("/reported/$metadata").isMissingNode()).isTrue();
	}

	@Test
	void refusesStaleEtagsBadNamesAndOversizedSections() {
		String etag = this.twins.get("d1").get("etag").asString();
		this.twins.patch("d1", json("{'tags':{'a':1}}"), etag);

		assertThatThrownBy(() -> this.twins.patch("d1", json("{'tags':{'a':2}}"), "\"" + etag + "\""))
			.isInstanceOf(IotHubErrorException.class)
			.hasMessageContaining("does not match");
		assertThatThrownBy(() -> this.twins.patch("d1", json("{'tags':{'a b':2}}"), null))
			.hasMessageContaining("'a b'");
		assertThatThrownBy(() -> this.twins.patch("d1", json("{'tags':{'big':'" + "x".repeat(9000) + "'}}"), null))
			.hasMessageContaining("8192 bytes");
		assertThatThrownBy(() -> this.twins.updateReported("d1", json("{'big':'" + "x".repeat(33000) + "'}")))
			.hasMessageContaining("32768 bytes");
		assertThatThrownBy(() -> this.twins.patch("d1", json("{'properties':{'reported':{'x':1}}}"), null))
			.hasMessageContaining("only be changed by the device");
		assertThat(this.twins.get("d1").at("/tags/a").asInt()).isEqualTo(1);
	}

	@Test
	void deletingTheDeviceDeletesItsTwin() {
		this.registry.delete("d1", "*");

		assertThatThrownBy(() -> this.twins.get("d1")).hasMessageContaining("Device d1 not found");
	}

	private static ObjectNode json(String singleQuoted) {
		return (ObjectNode) Json.read(singleQuoted.replace('\'', '"'));
	}

}
