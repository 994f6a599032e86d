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

	@Test
	void givenPropertiesThenToStringHidesTheSecrets() {
		String key = "ZmxlZXRqb2JzLWRldi1vd25lci1rZXktMDEyMzQ1Njc4OQ==";
		IotHubProperties properties = new IotHubProperties(
				"HostName=localhost;SharedAccessKeyName=iothubowner;SharedAccessKey=" + key, "localhost:8443",
				Path.of("ca.p12"), "changeit", Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(10));

		assertThat(properties.toString()).doesNotContain(key)
			.doesNotContain("changeit")
			.contains("localhost:8443")
			.contains("******");
		assertThat(properties.hasEndpoint()).isTrue();
	}

}
