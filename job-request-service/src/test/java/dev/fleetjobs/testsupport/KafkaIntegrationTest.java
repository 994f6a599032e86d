package dev.fleetjobs.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * One Spring context and one embedded KRaft broker, shared by every integration test
 * class of this module (same annotation, same cached context). Two API keys and an HS256
 * JWT secret are configured; see {@link TestCredentials}. The connection limits are low,
 * so floods are small.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"fleetjobs.security.generate-local-key=false", "fleetjobs.security.data-dir=target/test-data",
				"fleetjobs.security.api-keys[0].name=" + TestCredentials.ALL_SCOPES_NAME,
				"fleetjobs.security.api-keys[0].hash=" + TestCredentials.ALL_SCOPES_HASH,
				"fleetjobs.security.api-keys[0].scopes=jobs:submit,jobs:cancel,jobs:read",
				"fleetjobs.security.api-keys[1].name=" + TestCredentials.READ_ONLY_NAME,
				"fleetjobs.security.api-keys[1].hash=" + TestCredentials.READ_ONLY_HASH,
				"fleetjobs.security.api-keys[1].scopes=jobs:read",
				"fleetjobs.security.jwt-hmac-secret=" + TestCredentials.HMAC_SECRET,
				"fleetjobs.validation.max-request-bytes=65536", "fleetjobs.topics.partitions=3",
				// low enough that ConnectionFloodIntegrationTests reaches them with a few
				// sockets
				"fleetjobs.http.max-connections-per-address=40", "fleetjobs.http.header-read-timeout=2s" })
@EmbeddedKafka(partitions = 3)
@Import(TopicRecorder.class)
public @interface KafkaIntegrationTest {

}
