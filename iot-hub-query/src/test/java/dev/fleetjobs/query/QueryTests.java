package dev.fleetjobs.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

class QueryTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<JsonNode> twins = List.of(
			twin("lock-1", "enabled", "Connected", "{\"building\":43,\"floor\":3,\"kind\":\"door-lock\"}",
					"{\"lockTime\":\"10m\"}", "{\"doorState\":\"locked\"}"),
			twin("lock-2", "enabled", "Disconnected", "{\"building\":43,\"floor\":4,\"kind\":\"door-lock\"}", "{}",
					"{\"doorState\":\"unlocked\"}"),
			twin("sensor-1", "disabled", "Connected",
					"{\"building\":7,\"floor\":3,\"kind\":\"sensor\",\"nested\":{\"a\":null}}", "{}", "{}"),
			twin("o'brien", "enabled", "Disconnected", "{}", "{}", "{}"));

	@Test
	void selectsEveryDeviceWithoutWhere() {
		assertThat(ids("SELECT * FROM devices")).containsExactly("lock-1", "lock-2", "sensor-1", "o'brien");
	}

	@Test
	void filtersByTagsWithAnd() {
		assertThat(ids("SELECT * FROM devices WHERE tags.building = 43 AND tags.floor = 3")).containsExactly("lock-1");
	}

	@Test
	void matchesTopLevelNamesCaseInsensitivelyAsTheJavaSdkSends() {
		assertThat(ids("select * from devices where DeviceId IN ['lock-2', 'sensor-1'] ")).containsExactly("lock-2",
				"sensor-1");
	}

	@Test
	void supportsEveryComparisonOperator() {
		assertThat(ids("SELECT * FROM devices WHERE tags.floor != 3")).containsExactly("lock-2");
		assertThat(ids("SELECT * FROM devices WHERE tags.floor <> 3")).containsExactly("lock-2");
		assertThat(ids("SELECT * FROM devices WHERE tags.floor < 4")).containsExactly("lock-1", "sensor-1");
		assertThat(ids("SELECT * FROM devices WHERE tags.floor <= 4")).containsExactly("lock-1", "lock-2", "sensor-1");
		assertThat(ids("SELECT * FROM devices WHERE tags.building > 7")).containsExactly("lock-1", "lock-2");
		assertThat(ids("SELECT * FROM devices WHERE tags.building >= 7")).containsExactly("lock-1", "lock-2",
				"sensor-1");
	}

	@Test
	void supportsOrNotInAndNin() {
		assertThat(ids("SELECT * FROM devices WHERE tags.floor = 4 OR status = 'disabled'")).containsExactly("lock-2",
				"sensor-1");
		assertThat(ids("SELECT * FROM devices WHERE NOT (tags.kind = 'door-lock')")).containsExactly("sensor-1");
		assertThat(ids("SELECT * FROM devices WHERE tags.kind NIN ['sensor']")).containsExactly("lock-1", "lock-2");
		assertThat(ids("SELECT * FROM devices WHERE deviceId NIN ['lock-1', 'lock-2']")).containsExactly("sensor-1",
				"o'brien");
	}

	@Test
	void readsDesiredReportedStatusAndConnectionState() {
		assertThat(ids("SELECT * FROM devices WHERE properties.desired.lockTime = '10m'")).containsExactly("lock-1");
		assertThat(ids("SELECT * FROM devices WHERE properties.reported.doorState = 'unlocked'"))
			.containsExactly("lock-2");
		assertThat(ids("SELECT * FROM devices WHERE connectionState = 'Connected' AND status = 'enabled'"))
			.containsExactly("lock-1");
	}

	@Test
	void supportsIsDefinedStartsWithAndEndsWith() {
		assertThat(ids("SELECT * FROM devices WHERE IS_DEFINED(tags.floor)")).containsExactly("lock-1", "lock-2",
				"sensor-1");
		assertThat(ids("SELECT * FROM devices WHERE IS_DEFINED(tags.nested.a)")).containsExactly("sensor-1");
		assertThat(ids("SELECT * FROM devices WHERE STARTSWITH(deviceId, 'lock-')")).containsExactly("lock-1",
				"lock-2");
		assertThat(ids("SELECT * FROM devices WHERE ENDSWITH(deviceId, '-1')")).containsExactly("lock-1", "sensor-1");
	}

	@Test
	void unescapesQuotesInStrings() {
		assertThat(ids("SELECT * FROM devices WHERE deviceId = 'o\\'brien'")).containsExactly("o'brien");
		assertThat(ids("SELECT * FROM devices WHERE deviceId = \"o'brien\"")).containsExactly("o'brien");
	}

	@Test
	void comparesOnlyPrimitivesOfTheSameType() {
		assertThat(ids("SELECT * FROM devices WHERE tags.floor = '3'")).isEmpty();
		assertThat(ids("SELECT * FROM devices WHERE tags = 3")).isEmpty();
		assertThat(ids("SELECT * FROM devices WHERE tags.missing != 3")).isEmpty();
		assertThat(ids("SELECT * FROM devices WHERE tags.nested.a = null")).containsExactly("sensor-1");
	}

	@Test
	void evaluatesArithmeticAndHexNumbers() {
		assertThat(ids("SELECT * FROM devices WHERE tags.floor * 2 + 1 = 9")).containsExactly("lock-2");
		assertThat(ids("SELECT * FROM devices WHERE tags.building = 0x2B")).containsExactly("lock-1", "lock-2");
		assertThat(ids("SELECT * FROM devices WHERE tags.building % 2 = 1 AND -tags.floor = -3"))
			.containsExactly("lock-1", "sensor-1");
	}

	@Test
	void projectsFieldsWithAliasesAndOmitsMissingValues() {
		List<JsonNode> rows = Query.parse("SELECT deviceId, tags.floor AS level FROM devices WHERE tags.building = 7")
			.execute(this.twins);
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).toString()).isEqualTo("{\"deviceId\":\"sensor-1\",\"level\":3}");
		assertThat(Query.parse("SELECT tags.floor FROM devices").execute(this.twins).get(3).toString()).isEqualTo("{}");
	}

	@Test
	void countsDevices() {
		assertThat(Query.parse("SELECT COUNT() AS numberOfDevices FROM devices").execute(this.twins).toString())
			.isEqualTo("[{\"numberOfDevices\":4}]");
		assertThat(Query.parse("SELECT COUNT() FROM devices WHERE tags.floor = 99").execute(this.twins).toString())
			.isEqualTo("[{\"$1\":0}]");
	}

	@Test
	void groupsByAPropertyAsTheJavaE2eTestsDo() {
		List<JsonNode> rows = Query.parse(
				"select tags.floor AS floor, COUNT() AS numberOfDevices, MAX(tags.building) AS b from devices group by tags.floor ")
			.execute(this.twins);
		assertThat(JSON.writeValueAsString(rows)).isEqualTo(
				"[{\"floor\":3,\"numberOfDevices\":2,\"b\":43},{\"floor\":4,\"numberOfDevices\":1,\"b\":43},{\"numberOfDevices\":1}]");
	}

	@Test
	void appliesTop() {
		assertThat(Query.parse("SELECT TOP 2 * FROM devices").execute(this.twins)).hasSize(2);
	}

	@Test
	void readsDeviceJobRecordsWithTheCollectionPrefix() {
		List<JsonNode> records = List.of(json(
				"{\"deviceId\":\"a\",\"jobId\":\"j1\",\"jobType\":\"scheduleUpdateTwin\",\"status\":\"completed\",\"createdDateTimeUtc\":\"2024-01-01T00:00:00Z\"}"),
				json("{\"deviceId\":\"b\",\"jobId\":\"j2\",\"jobType\":\"scheduleDeviceMethod\",\"status\":\"failed\",\"createdDateTimeUtc\":\"2024-01-02T00:00:00Z\"}"));
		Query query = Query.parse(
				"select * from devices.jobs where devices.jobs.jobId = 'j1' and devices.jobs.jobType = 'scheduleUpdateTwin' ");
		assertThat(query.source()).isEqualTo(QuerySource.DEVICES_JOBS);
		assertThat(query.execute(records)).extracting((record) -> record.get("deviceId").stringValue())
			.containsExactly("a");
		assertThat(Query.parse("SELECT * FROM devices.jobs WHERE devices.jobs.createdTimeUtc > '2024-01-01T12:00:00Z'")
			.execute(records)).extracting((record) -> record.get("deviceId").stringValue()).containsExactly("b");
	}

	@Test
	void parsesJobQueryConditionsInEveryFormTheSdksSend() {
		assertThat(Query.parseCondition("DeviceId IN ['lock-1']").execute(this.twins)).hasSize(1);
		assertThat(Query.parseCondition("*").execute(this.twins)).hasSize(4);
		assertThat(Query.parseCondition("FROM devices WHERE tags.floor = 3").execute(this.twins)).hasSize(2);
		assertThat(Query.parseCondition("SELECT * FROM devices WHERE tags.floor = 4").execute(this.twins)).hasSize(1);
		assertThatExceptionOfType(QueryException.class).isThrownBy(() -> Query.parseCondition(" "));
	}

	@ParameterizedTest
	@ValueSource(strings = { "SELECT", "SELECT * FROM", "SELECT * FROM things", "SELECT * FROM devices WHERE",
			"SELECT * FROM devices WHERE tags.x = ", "SELECT * FROM devices WHERE tags.x = 'open",
			"SELECT * FROM devices WHERE STARTS_WITH(deviceId, 'a')", "SELECT * FROM devices WHERE NOPE(deviceId)",
			"SELECT * FROM devices WHERE deviceId IN 'a'", "SELECT * FROM devices WHERE (tags.x = 1",
			"SELECT * FROM devices WHERE COUNT() > 1", "SELECT deviceId FROM devices.jobs",
			"SELECT * FROM devices WHERE x = 1 extra", "SELECT * FROM devices; DROP TABLE devices",
			"SELECT * FROM devices WHERE tags.x = 1e", "SELECT deviceId, deviceId FROM devices", "DELETE FROM devices",
			"SELECT * FROM devices WHERE deviceId = 'a' -- comment",
			"SELECT * FROM devices WHERE LOWER(deviceId) = 'a'", "SELECT * FROM devices WHERE tags.floor + 1",
			"SELECT * FROM devices WHERE deviceId NOT IN ['a']", "SELECT * FROM devices WHERE tags.floor IN []",
			"SELECT * FROM devices WHERE (tags.floor = 3) = true", "SELECT * FROM devices WHERE IS_DEFINED('x')" })
	void rejectsMalformedQueriesWithAMessageThatNamesTheProblem(String sql) {
		Throwable thrown = catchThrowable(() -> Query.parse(sql).execute(this.twins));
		assertThat(thrown).isInstanceOf(QueryException.class);
		assertThat(thrown.getMessage()).isNotBlank().doesNotContain("Exception");
	}

	@Test
	void namesTheUnexpectedTokenAndItsPosition() {
		assertThatExceptionOfType(QueryException.class)
			.isThrownBy(() -> Query.parse("SELECT * FROM devices WHERE tags.x == 1"))
			.withMessage("Unexpected '=' at character 37");
		assertThatExceptionOfType(QueryException.class)
			.isThrownBy(() -> Query.parse("SELECT * FROM devices WHERE STARTS_WITH(deviceId, 'a')"))
			.withMessageContaining("use STARTSWITH");
	}

	@Test
	void refusesOverlongAndDeeplyNestedQueries() {
		assertThatExceptionOfType(QueryException.class)
			.isThrownBy(() -> Query.parse("SELECT * FROM devices WHERE deviceId = '" + "a".repeat(8200) + "'"))
			.withMessageContaining("8192");
		String nested = "SELECT * FROM devices WHERE " + "(".repeat(500) + "1 = 1" + ")".repeat(500);
		assertThatExceptionOfType(QueryException.class).isThrownBy(() -> Query.parse(nested))
			.withMessageContaining("nests too deeply");
		String negations = "SELECT * FROM devices WHERE " + "NOT ".repeat(3000) + "true";
		assertThatExceptionOfType(QueryException.class).isThrownBy(() -> Query.parse(negations));
	}

	@Test
	void randomGarbageOnlyEverYieldsAQueryException() {
		Random random = new Random(42);
		String alphabet = "SELECTFROMWHEREdevicesjobsANDORNOTININ*()[],.'\"=<>!+-/%0123456789 \\$_x\u00e9\u0000";
		List<String> inputs = new ArrayList<>();
		for (int i = 0; i < 20000; i++) {
			StringBuilder text = new StringBuilder((i % 3 == 0) ? "SELECT * FROM devices WHERE " : "");
			int length = random.nextInt(60);
			for (int j = 0; j < length; j++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			inputs.add(text.toString());
		}
		for (String input : inputs) {
			Throwable thrown = catchThrowable(() -> Query.parse(input).execute(this.twins));
			assertThat(thrown).as(input)
				.satisfiesAnyOf((t) -> assertThat(t).isNull(), (t) -> assertThat(t).isInstanceOf(QueryException.class));
		}
	}

	private List<String> ids(String sql) {
		return Query.parse(sql).execute(this.twins).stream().map((twin) -> twin.get("deviceId").stringValue()).toList();
	}

	private static JsonNode twin(String id, String status, String connectionState, String tags, String desired,
			String reported) {
		return json("{\"deviceId\":\"" + id.replace("'", "'") + "\",\"status\":\"" + status
				+ "\",\"connectionState\":\"" + connectionState + "\",\"tags\":" + tags
				+ ",\"properties\":{\"desired\":" + desired + ",\"reported\":" + reported + "}}");
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
