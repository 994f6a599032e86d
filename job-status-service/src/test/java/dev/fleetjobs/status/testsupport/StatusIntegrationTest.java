package dev.fleetjobs.status.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * One Spring context, one embedded KRaft broker and one emulator with the shared fleet,
 * for every integration test class of this module (same annotation, same cached context).
 * The hub budget stays inside an S1 hub's quotas; polling is fast, so tests are short;
 * the stream and connection limits are low, so floods are small. Credentials: see
 * {@link TestCredentials}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"fleetjobs.security.local-key-file=target/no-local-key-file",
				"fleetjobs.security.api-keys[0].name=reader",
				"fleetjobs.security.api-keys[0].hash=" + TestCredentials.READER_HASH,
				"fleetjobs.security.api-keys[0].scopes=jobs:read", "fleetjobs.security.api-keys[1].name=writer",
				"fleetjobs.security.api-keys[1].hash=" + TestCredentials.WRITER_HASH,
				"fleetjobs.security.api-keys[1].scopes=jobs:submit,jobs:cancel",
				"fleetjobs.security.jwt-hmac-secret=" + TestCredentials.HMAC_SECRET,
				"fleetjobs.hub-budget.job-operations-per-minute=90", "fleetjobs.hub-budget.queries-per-minute=18",
				"fleetjobs.tracking.tick=50ms", "fleetjobs.tracking.cadence[0].after=0s",
				"fleetjobs.tracking.cadence[0].every=250ms", "fleetjobs.tracking.cadence[1].after=2m",
				"fleetjobs.tracking.cadence[1].every=2s", "fleetjobs.results.retry-interval=200ms",
				"fleetjobs.topics.transaction-timeout=10s", "fleetjobs.topics.partitions=3", "spring.jmx.enabled=false",
				// low enough that FloodIntegrationTests reaches them with a few sockets
				"fleetjobs.view.max-streams=5", "fleetjobs.view.max-streams-per-key=3", "fleetjobs.view.heartbeat=1s",
				"fleetjobs.http.max-connections-per-address=40", "fleetjobs.http.header-read-timeout=2s" })
@ContextConfiguration(initializers = TestHubInitializer.class)
@EmbeddedKafka(partitions = 3,
		brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
				"group.initial.rebalance.delay.ms=0" })
@Import(TopicRecorder.class)
public @interface StatusIntegrationTest {

}
