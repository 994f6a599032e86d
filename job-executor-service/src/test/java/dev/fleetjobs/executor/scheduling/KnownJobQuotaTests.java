package dev.fleetjobs.executor.scheduling;

import dev.fleetjobs.executor.scheduling.Submitter.Outcome;
import dev.fleetjobs.executor.testsupport.Commands;
import dev.fleetjobs.executor.testsupport.FakeIotHubJobs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stated job quota ({@code fleetjobs.queueing.hub-max-active-jobs}) holds jobs back
 * without the create call the hub would refuse with 429.
 */
class KnownJobQuotaTests {

	private final FakeIotHubJobs hub = new FakeIotHubJobs();

	@Test
	void givenAQuotaOfOne_whenASecondJobComesWhileTheFirstRuns_thenItIsHeldBackWithoutACreateCall() throws Exception {
		// Given a quota of one and a job on the hub
		Submitter submitter = new Submitter(this.hub, new KnownJobQuota(1, this.hub));
		assertThat(submitter.submit(Commands.lockDoor("first", "door-1"))).isInstanceOf(Outcome.Submitted.class);

		// When a second job comes while the first still runs
		Outcome second = submitter.submit(Commands.lockDoor("second", "door-1"));

		// Then it is held back as the hub's 429 would: busy (label quota), no create
		// call,
		// only a look at the first job
		assertThat(second).isInstanceOfSatisfying(Outcome.HubBusy.class, (busy) -> {
			assertThat(busy.label()).isEqualTo("quota");
			assertThat(busy.cause().describe()).contains("hub-max-active-jobs", "[first]", "no hub call was made")
				.doesNotContain("HTTP 429");
		});
		assertThat(this.hub.calls()).containsExactly("create first", "get first");

		// When the first job ends (cancelled here), the second goes to the hub
		this.hub.cancel("first");
		assertThat(submitter.submit(Commands.lockDoor("second", "door-1"))).isInstanceOf(Outcome.Submitted.class);
		assertThat(this.hub.calls()).endsWith("get first", "create second");
	}

	@Test
	void givenAQuotaOfOne_whenACreateFails_thenItsSlotIsFreeForTheNextJob() {
		Submitter submitter = new Submitter(this.hub, new KnownJobQuota(1, this.hub));
		this.hub.failNext("create", 400, "ArgumentInvalid", "bad query");

		assertThat(submitter.submit(Commands.lockDoor("refused", "door-1"))).isInstanceOf(Outcome.Rejected.class);
		assertThat(submitter.submit(Commands.lockDoor("next", "door-1"))).isInstanceOf(Outcome.Submitted.class);
		assertThat(this.hub.calls()).containsExactly("create refused", "create next");
	}

	@Test
	void givenAQuotaOfOne_whenTheSameJobComesAgain_thenItKeepsItsSlotAndIsAdopted() {
		Submitter submitter = new Submitter(this.hub, new KnownJobQuota(1, this.hub));
		assertThat(submitter.submit(Commands.lockDoor("again", "door-1"))).isInstanceOf(Outcome.Submitted.class);

		assertThat(submitter.submit(Commands.lockDoor("again", "door-1"))).isInstanceOf(Outcome.Submitted.class);
		assertThat(this.hub.calls()).containsExactly("create again", "create again", "get again");
	}

	@Test
	void givenNoKnownQuota_thenEveryJobGoesToTheHubAndOnlyItsAnswerCounts() {
		Submitter submitter = new Submitter(this.hub, new KnownJobQuota(0, this.hub));
		assertThat(submitter.submit(Commands.lockDoor("a", "door-1"))).isInstanceOf(Outcome.Submitted.class);
		assertThat(submitter.submit(Commands.lockDoor("b", "door-1"))).isInstanceOf(Outcome.Submitted.class);
		assertThat(this.hub.calls()).containsExactly("create a", "create b");
	}

}
