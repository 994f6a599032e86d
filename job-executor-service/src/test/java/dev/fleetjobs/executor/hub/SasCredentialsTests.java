package dev.fleetjobs.executor.hub;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.fleetjobs.executor.testsupport.MutableClock;
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
		assertThat(credentials.toString()).doesNotContain(KEY).doesNotContain("sig=");
	}

	@Test
	void givenATokenCloseToExpiryThenItIsReplacedInTheSameCredential() throws Exception {
		// Given credentials whose clock says the token expires within the margin
		MutableClock clock = new MutableClock(Instant.now());
		SasCredentials credentials = new SasCredentials(CONNECTION_STRING, Duration.ofMinutes(10), clock);
		String first = credentials.credential().getSignature();

		// When it is checked before the margin, and again inside it (tokens carry
		// seconds)
		credentials.renewIfDue();
		String unchanged = credentials.credential().getSignature();
		clock.advance(Duration.ofMinutes(55));
		Thread.sleep(1100);
		credentials.renewIfDue();

		// Then it was kept, then replaced
		assertThat(unchanged).isEqualTo(first);
		assertThat(credentials.credential().getSignature()).isNotEqualTo(first);
	}

	@Test
	void givenPropertiesThenToStringHidesTheSecrets() {
		IotHubProperties properties = new IotHubProperties(CONNECTION_STRING, "localhost:8443", Path.of("ca.p12"),
				"changeit", Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(10));

		assertThat(properties.toString()).doesNotContain(KEY)
			.doesNotContain("changeit")
			.contains("localhost:8443")
			.contains("******");
		assertThat(properties.hasEndpoint()).isTrue();
		assertThat(ZoneOffset.UTC).isNotNull();
	}

}
