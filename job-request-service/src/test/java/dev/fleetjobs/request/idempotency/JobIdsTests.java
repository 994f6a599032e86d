package dev.fleetjobs.request.idempotency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobIdsTests {

	@Test
	void givenARequestIdThenTheJobIdIsTheDocumentedVersion5Uuid() {
		// Given the documented rule; expected values computed with Python's uuid.uuid5
		String jobId = JobIds.fromRequestId("erp-4711");

		assertThat(jobId).isEqualTo("754026ad-0cc3-5a97-9a8f-0e35daa02ab1");
		assertThat(JobIds.fromRequestId("erp-4711")).isEqualTo(jobId);
		assertThat(JobIds.fromRequestId("erp-4712")).isNotEqualTo(jobId);
	}

	@Test
	void givenARecordPositionThenTheJobIdIsTheDocumentedVersion5Uuid() {
		assertThat(JobIds.fromRecord("fleetjobs.requests", 2, 42)).isEqualTo("7f595971-49b8-5ccc-b50e-f490478400a9");
		assertThat(JobIds.fromRecord("fleetjobs.requests", 2, 43))
			.isNotEqualTo(JobIds.fromRecord("fleetjobs.requests", 2, 42));
	}

	@Test
	void givenAnyJobIdThenTheHubAcceptsIt() {
		assertThat(JobIds.isValid(JobIds.random())).isTrue();
		assertThat(JobIds.isValid(JobIds.fromRequestId("x".repeat(128)))).isTrue();
		assertThat(JobIds.isValid("a".repeat(65))).isFalse();
		assertThat(JobIds.isValid("job_1")).isFalse();
		assertThat(JobIds.isValid(null)).isFalse();
	}

}
