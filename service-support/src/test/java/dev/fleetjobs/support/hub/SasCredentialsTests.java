package dev.fleetjobs.support.hub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed SAS tokens for the endpoint override, and the masking of secrets. */
class SasCredentialsTests {

	private static final String KEY = "ZmxlZXRqb2JzLWRldi1vd25lci1rZXktMDEyMzQ1Njc4OQ==";

	private static final String CONNECTION_STRING = "HostName=localhost;SharedAccessKeyName=iothubowner;SharedAccessKey="
			+ KEY;

	@Test
	void givenAConnectionStringThenTheTokenIsAServiceTokenForItsHostAndPolicy() {
		SasCredentials credentials = new SasCredentials(CONNECTION_STRING, Duration.ofMinutes(10), Clock.systemUTC());

		String token = credentials.credential().getSignature();

		assertThat(token).startsWith("SharedAccessSignature ")
			.contains("sr=localhost")
			.contains("skn=iothubowner")
			.contains("sig=")
			.doesNotContain(KEY);
		assertThat(credentials.expiresAtMillis()).isGreaterThan(System.currentTimeMillis() + 50 * 60_000);
		assertThat(credentials.renewAtMillis()).isEqualTo(credentials.expiresAtMillis() - 10 * 60_000);
		assertThat(credentials.toString()).doesNotContain(KEY).doesNotContain("sig=");
	}

	@Test
	void givenATokenCloseToExpiryThenItIsReplacedInTheSameCredential() throws Exception {
		// Given credentials whose clock says the token expires within the margin
		MovableClock clock = new MovableClock(Instant.now());
		SasCredentials credentials = new SasCredentials(CONNECTION_STRING, Duration.ofMinutes(10), clock);
		String first = credentials.credential().getSignature();

		// When it is checked before the margin, and again inside it (tokens carry
		// seconds)
		credentials.renewIfDue();
		String unchanged = credentials.credential().getSignature();
		clock.now = clock.now.plus(Duration.ofMinutes(55));
		Thread.sleep(1100);
		credentials.renewIfDue();

		// Then it was kept, then replaced
		assertThat(unchanged).isEqualTo(first);
		assertThat(credentials.credential().getSignature()).isNotEqualTo(first);
	}

	private static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
