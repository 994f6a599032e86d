package dev.fleetjobs.emulator.faults;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which calls a fault hits: operation patterns, counts, seeded fractions and order. */
class FaultInjectorTests {

	private final FaultInjector faults = new FaultInjector();

	@Test
	void givenAFaultForTwoCallsWhenThreeCallsComeThenTheFirstTwoAreHitAndTheFaultIsGone() {
		this.faults.inject(Fault.throttle("jobs.create").times(2));

		assertThat(this.faults.next("jobs.get")).isNull();
		assertThat(this.faults.next("jobs.create")).isNotNull();
		assertThat(this.faults.next("jobs.create")).isNotNull();
		assertThat(this.faults.next("jobs.create")).isNull();
		assertThat(this.faults.list()).isEmpty();
	}

	@Test
	void givenPatternsWhenCallsComeThenStarAndPrefixMatch() {
		this.faults.inject(Fault.unavailable("jobs.*"));

		assertThat(this.faults.next("jobs.query")).isNotNull();
		assertThat(this.faults.next("devices.query")).isNull();
		this.faults.clear();
		this.faults.inject(Fault.delay("*", Duration.ofMillis(5)));
		assertThat(this.faults.next("twins.get").delay()).isEqualTo(Duration.ofMillis(5));
	}

	@Test
	void givenTheSameSeedWhenTheSameCallsComeThenTheSameCallsAreHit() {
		FaultInjector other = new FaultInjector();
		this.faults.inject(Fault.throttle("*").fraction(0.3, 99));
		other.inject(Fault.throttle("*").fraction(0.3, 99));

		StringBuilder first = new StringBuilder();
		StringBuilder second = new StringBuilder();
		for (int i = 0; i < 200; i++) {
			first.append((this.faults.next("x") != null) ? '1' : '0');
			second.append((other.next("x") != null) ? '1' : '0');
		}

		assertThat(first.toString()).isEqualTo(second.toString());
		long hits = first.chars().filter((c) -> c == '1').count();
		assertThat(hits).isBetween(40L, 80L);
		assertThat(this.faults.list().get(0).hits()).isEqualTo(hits);
	}

	@Test
	void givenTwoFaultsWhenACallMatchesBothThenTheFirstAddedApplies() {
		this.faults.inject(Fault.unavailable("jobs.get").times(1));
		String id = this.faults.inject(Fault.throttle("*"));

		assertThat(this.faults.next("jobs.get").status()).isEqualTo(503);
		assertThat(this.faults.next("jobs.get").status()).isEqualTo(429);
		assertThat(this.faults.remove(id)).isTrue();
		assertThat(this.faults.next("jobs.get")).isNull();
	}

	@Test
	void givenInvalidFaultsWhenBuiltThenTheyAreRefusedWithAReason() {
		assertThatThrownBy(() -> new Fault("jobs.get", 500, null, null, null, 0)).hasMessageContaining("429 or 503");
		assertThatThrownBy(() -> Fault.throttle("").times(1)).hasMessageContaining("operation");
		assertThatThrownBy(() -> Fault.throttle("x").fraction(1.5, 0)).hasMessageContaining("fraction");
		assertThatThrownBy(() -> Fault.throttle("x").times(0)).hasMessageContaining("at least one");
	}

	@Test
	void givenKnownOperationsWhenAFaultMatchesNoneThenItIsRefusedAndPatternsStillWork() {
		FaultInjector known = new FaultInjector(() -> List.of("jobs.create", "twins.get"));

		assertThatThrownBy(() -> known.inject(Fault.throttle("job.create"))).hasMessageContaining("job.create")
			.hasMessageContaining("jobs.create, twins.get");
		known.inject(Fault.throttle("jobs.*"));
		known.inject(Fault.throttle("*"));
		known.inject(Fault.throttle("twins.get"));
		assertThat(known.list()).hasSize(3);
	}

}
