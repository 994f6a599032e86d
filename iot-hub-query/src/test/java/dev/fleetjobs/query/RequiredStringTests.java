package dev.fleetjobs.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a WHERE clause pins: a source may hand over only the documents with that value
 * (the emulator serves {@code devices.jobs} of one job this way), so a wrong answer here
 * would hide matching documents.
 */
class RequiredStringTests {

	@ParameterizedTest
	@ValueSource(strings = { "SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 'j1'",
			"SELECT * FROM devices.jobs WHERE jobId = 'j1'",
			"SELECT * FROM devices.jobs WHERE 'j1' = devices.jobs.jobId",
			"SELECT * FROM devices.jobs WHERE devices.jobs.JOBID = 'j1'",
			"SELECT * FROM devices.jobs WHERE devices.jobs.status = 'completed' AND devices.jobs.jobId = 'j1'",
			"SELECT * FROM devices.jobs WHERE (devices.jobs.jobId = 'j1' AND status = 'failed') AND deviceId = 'd'" })
	void givenAConditionThatRequiresTheJobIdWhenAskedThenItNamesIt(String sql) {
		assertThat(Query.parse(sql).requiredString("jobId")).contains("j1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "SELECT * FROM devices.jobs",
			"SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 'j1' OR devices.jobs.jobId = 'j2'",
			"SELECT * FROM devices.jobs WHERE devices.jobs.jobId != 'j1'",
			"SELECT * FROM devices.jobs WHERE NOT (devices.jobs.jobId = 'j1')",
			"SELECT * FROM devices.jobs WHERE devices.jobs.jobId IN ['j1']",
			"SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 7",
			"SELECT * FROM devices.jobs WHERE devices.jobs.outcome.jobId = 'j1'",
			"SELECT * FROM devices.jobs WHERE devices.jobs.deviceId = 'j1'" })
	void givenAConditionThatDoesNotPinTheJobIdWhenAskedThenItIsEmpty(String sql) {
		assertThat(Query.parse(sql).requiredString("jobId")).isEmpty();
	}

	@Test
	void givenATwinQueryWhenAskedForATopLevelPropertyThenTheCollectionNameIsNotPartOfIt() {
		assertThat(Query.parse("SELECT * FROM devices WHERE deviceId = 'lock-1' AND tags.floor = 3")
			.requiredString("deviceId")).contains("lock-1");
		assertThat(Query.parse("SELECT * FROM devices WHERE tags.deviceId = 'lock-1'").requiredString("deviceId"))
			.isEmpty();
	}

}
