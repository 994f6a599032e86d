package dev.fleetjobs.request.idempotency;

import java.time.Instant;

import dev.fleetjobs.contracts.command.JobType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIndexTests {

	private static final Instant NOW = Instant.parse("2026-11-26T20:00:00Z");

	private final RequestIndex index = new RequestIndex();

	@Test
	void givenAReservationThenTheSameDefinitionIsADuplicateAndAnotherIsAConflict() {
		assertThat(this.index.reserve("j1", "r1", "hash-a", JobType.DEVICE_METHOD, NOW, null).outcome())
			.isEqualTo(RequestIndex.Outcome.CREATED);

		assertThat(this.index.reserve("j1", "r1", "hash-a", JobType.DEVICE_METHOD, NOW, null).outcome())
			.isEqualTo(RequestIndex.Outcome.DUPLICATE);
		assertThat(this.index.reserve("j1", "r1", "hash-b", JobType.DEVICE_METHOD, NOW, null).outcome())
			.isEqualTo(RequestIndex.Outcome.CONFLICT);
	}

	@Test
	void givenAFailedPublishThenTheJobIdCanBeReservedAgain() {
		RequestIndex.Reservation first = this.index.reserve("j1", "r1", "hash-a", JobType.DEVICE_METHOD, NOW, null);

		this.index.failed("j1", new IllegalStateException("broker down"));

		assertThat(first.entry().published()).isCompletedExceptionally();
		assertThat(this.index.find("j1")).isEmpty();
		assertThat(this.index.reserve("j1", "r1", "hash-b", JobType.DEVICE_METHOD, NOW, null).outcome())
			.isEqualTo(RequestIndex.Outcome.CREATED);
	}

	@Test
	void givenACommandReadBackFromTheTopicThenAPendingReservationCompletesAndCancelsAreRemembered() {
		RequestIndex.Reservation pending = this.index.reserve("j1", "r1", "hash-a", JobType.TWIN_UPDATE, NOW, null);
		assertThat(this.index.find("j1")).isEmpty();

		this.index.scheduled("j1", "r1", "hash-a", JobType.TWIN_UPDATE, NOW, null);
		this.index.scheduled("j2", null, null, JobType.TWIN_UPDATE, NOW, null);
		this.index.cancelRequested("j2");

		assertThat(pending.entry().published()).isCompleted();
		assertThat(this.index.find("j1")).isPresent();
		assertThat(this.index.find("j2")).hasValueSatisfying((entry) -> assertThat(entry.cancelRequested()).isTrue());
	}

}
