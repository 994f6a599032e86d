package dev.fleetjobs.request.idempotency;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import dev.fleetjobs.contracts.request.JobAction;
import dev.fleetjobs.contracts.request.JobRequest;
import dev.fleetjobs.contracts.request.JobTarget;
import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.contracts.rollout.Rollout;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTests {

	private static final JobTarget FLOOR = new JobTarget("tags.floor = 3", null, null);

	private static final JobAction LOCK_DOOR = new JobAction(
			new MethodInvocation("lockDoor", Map.of("lockTime", "10m"), 30, 0), null);

	private static final Instant START = Instant.parse("2026-12-06T20:00:00Z");

	@Test
	void givenARequestWithoutRolloutThenItsFingerprintIsTheOneFromBeforeRolloutsExisted() throws Exception {
		JobRequest request = new JobRequest("r-1", FLOOR, LOCK_DOOR, START, 600L, Map.of("b", "2", "a", "1"));

		// the request as fingerprinted before rollouts: six properties, sorted, nulls
		// kept
		byte[] before = JsonMapper.builder()
			.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.build()
			.writeValueAsBytes(new PreRolloutRequest(null, FLOOR, LOCK_DOOR, START, 600L, request.labels()));

		assertThat(RequestFingerprint.of(request))
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(before)));
	}

	@Test
	void givenTheSameRequestWithARolloutOrAnotherRateThenTheFingerprintsDiffer() {
		JobRequest plain = new JobRequest("r-1", FLOOR, LOCK_DOOR, START, 600L, Map.of());
		JobRequest slow = withRate(plain, 100);

		assertThat(RequestFingerprint.of(slow)).isNotEqualTo(RequestFingerprint.of(plain))
			.isNotEqualTo(RequestFingerprint.of(withRate(plain, 200)))
			.isEqualTo(RequestFingerprint.of(withRate(plain, 100)));
	}

	@Test
	void givenAnotherRequestIdThenTheFingerprintIsTheSame() {
		JobRequest one = withRate(new JobRequest("r-1", FLOOR, LOCK_DOOR, START, 600L, Map.of()), 100);
		JobRequest other = withRate(new JobRequest("r-2", FLOOR, LOCK_DOOR, START, 600L, Map.of()), 100);

		assertThat(RequestFingerprint.of(one)).isEqualTo(RequestFingerprint.of(other));
	}

	private static JobRequest withRate(JobRequest request, int rate) {
		return new JobRequest(request.requestId(), request.target(), request.action(), request.startTime(),
				request.maxExecutionTimeInSeconds(), request.labels(),
				new Rollout(rate, null, null, null, null, null, null, null, null));
	}

	private record PreRolloutRequest(String requestId, JobTarget target, JobAction action, Instant startTime,
			Long maxExecutionTimeInSeconds, Map<String, String> labels) {
	}

}
