package dev.fleetjobs.query;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top-level properties a WHERE clause reads, so that a source can match documents
 * holding only those.
 */
class WherePropertiesTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			SELECT * FROM devices WHERE tags.building = 43 AND tags.floor = 3         | tags
			SELECT * FROM devices WHERE DeviceId IN ['a', 'b']                        | deviceid
			SELECT * FROM devices WHERE NOT (properties.reported.x > 1) OR tags.y = 2 | properties,tags
			SELECT * FROM devices WHERE IS_DEFINED(tags.a) AND status = 'enabled'     | status,tags
			SELECT * FROM devices WHERE STARTSWITH(deviceId, 'door-')                 | deviceid
			SELECT * FROM devices WHERE tags.n IN [1, 2] AND -tags.m < 0               | tags
			SELECT * FROM devices WHERE tags.a = 1 AND connectionState = 'x'          | connectionstate,tags
			SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 'j1'                | jobid
			SELECT * FROM devices                                                     | ''
			""")
	void givenAQuery_whenItsWherePropertiesAreAsked_thenTheyAreTheTopLevelNamesItReads(String sql, String expected) {
		assertThat(String.join(",", Query.parse(sql).whereProperties())).isEqualTo(expected);
	}

}
