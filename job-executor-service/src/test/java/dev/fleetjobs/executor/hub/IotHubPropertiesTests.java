package dev.fleetjobs.executor.hub;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The masking of secrets in the hub configuration (signed SAS tokens are tested in
 * service-support's {@code SasCredentialsTests}).
 */
class IotHubPropertiesTests {

	private static final String KEY = "ZmxlZXRqb2JzLWRldi1vd25lci1rZXktMDEyMzQ1Njc4OQ==";

	private static final String CONNECTION_STRING = "HostName=localhost;SharedAccessKeyName=iothubowner;SharedAccessKey="
			+ KEY;

	@Test
	void givenPropertiesThenToStringHidesTheSecrets() {
		IotHubProperties properties = new IotHubProperties(CONNECTION_STRING, "localhost:8443", Path.of("ca.p12"),
				"changeit", Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(10));

		assertThat(properties.toString()).doesNotContain(KEY)
			.doesNotContain("changeit")
			.contains("localhost:8443")
			.contains("******");
		assertThat(properties.hasEndpoint()).isTrue();
	}

}
