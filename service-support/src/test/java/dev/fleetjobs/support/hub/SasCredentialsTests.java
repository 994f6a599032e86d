package dev.fleetjobs.support.hub;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

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
		Clock clock = mock(Clock.class);
		given(clock.millis()).willReturn(System.currentTimeMillis());
		SasCredentials credentials = new SasCredentials(CONNECTION_STRING, Duration.ofMinutes(10), clock);
		String first = credentials.credential().getSignature();

		// When it is checked before the margin, and again inside it (tokens carry
		// seconds)
		credentials.renewIfDue();
		String unchanged = credentials.credential().getSignature();
		given(clock.millis()).willReturn(System.currentTimeMillis() + Duration.ofMinutes(55).toMillis());
		Thread.sleep(1100);
		credentials.renewIfDue();

		// Then it was kept, then replaced
		assertThat(unchanged).isEqualTo(first);
		assertThat(credentials.credential().getSignature()).isNotEqualTo(first);
	}

}
