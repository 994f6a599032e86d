package dev.fleetjobs.executor.scheduling;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.microsoft.azure.sdk.iot.service.exceptions.IotHubNotFoundException;
import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.lifecycle.JobQueued;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.contracts.request.MethodInvocation;
import dev.fleetjobs.emulator.throttling.TierProfile;
import dev.fleetjobs.executor.JobExecutorApplication;
import dev.fleetjobs.executor.queueing.WaitingRoom;
import dev.fleetjobs.executor.testsupport.Commands;
import dev.fleetjobs.executor.testsupport.KafkaTopics;
import dev.fleetjobs.executor.testsupport.TestHub;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Executors that stop, for real, and the instance that takes over: nothing is lost and
 * nothing is done twice; and an executor told the hub's job quota, which queues without
 * the create call the hub would refuse. Each test has its own broker, which keeps it away
 * from the shared context's consumer group.
 *
 * <p>
 * Killed between the hub call and the commit: a fresh instance takes over. A separate JVM
 * ({@link CrashingExecutor}) consumes a ScheduleJob, creates the job on the emulator,
 * writes JobSubmitted into its open Kafka transaction and halts. The command's offset was
 * never committed, so a fresh instance in the same consumer group (started in this JVM
 * once the dead member's session expired) gets the command again: the hub answers "job
 * exists" with the same definition, and it commits the one JobSubmitted. The dead
 * instance's record stays in the log, aborted: a read_uncommitted reader sees two, a
 * read_committed one (every downstream) sees one.
 *
 * <p>
 * Restarted while a job waits for the hub's one S1 slot: the waiting job lives only in
 * the old instance's memory and in its committed {@code JobQueued} (the command's offset
 * is committed with it), so only the new instance's rebuild from
 * {@code fleetjobs.lifecycle} can get it to the hub.
 */
class CrashRecoveryIntegrationTests {

	private EmbeddedKafkaKraftBroker broker;

	private KafkaTopics kafka;

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeEach
	void ownBroker() {
		this.broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.COMMANDS);
		this.broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
				"transaction.state.log.min.isr", "1", "transaction.abort.timed.out.transaction.cleanup.interval.ms",
				"1000", "group.initial.rebalance.delay.ms", "0"));
		this.broker.afterPropertiesSet();
		this.kafka = new KafkaTopics(this.broker.getBrokersAsString());
	}

	@AfterEach
	void close() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		TestHub.reset();
		this.kafka.close();
		this.broker.destroy();
	}

	@Test
	void givenTheExecutorDiesBetweenTheHubCallAndTheCommitThenARestartLeavesOneHubJobAndOneJobSubmitted()
			throws Exception {
		// Given a ScheduleJob on the commands topic
		String jobId = UUID.randomUUID().toString();
		ScheduleJob command = Commands.buildingFloor(jobId, TestHub.device("crash-" + jobId));
		this.kafka.send(jobId, command);
		long creates = TestHub.hub().calls().count("jobs.create");

		// When an executor consumes it, creates the hub job, sends JobSubmitted into its
		// transaction and is killed before the commit
		Path log = Path.of("target", "crashing-executor-" + jobId + ".log");
		Process crashing = new ProcessBuilder(command(CrashingExecutor.class.getName(), arguments()))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		assertThat(crashing.waitFor(90, TimeUnit.SECONDS)).as("the crashing executor ends; see %s", log).isTrue();
		assertThat(crashing.exitValue()).as("exit status; see %s", log).isEqualTo(CrashingExecutor.HALTED);
		assertThat(Files.readString(log)).contains("CRASH: halting after JobSubmitted for " + jobId);

		// Then the hub has the job, but no committed event says so
		assertThat(TestHub.job(jobId).getJobId()).isEqualTo(jobId);
		assertThat(this.kafka.events(jobId)).isEmpty();

		// When a fresh instance starts in the same consumer group (same transactional id
		// prefix, as a restarted instance has)
		startInstance();

		// Then it commits exactly one JobSubmitted, and the hub has exactly one job
		JobSubmitted submitted = this.kafka.awaitEvent(jobId, JobSubmitted.class);
		assertThat(submitted.jobId()).isEqualTo(jobId);
		Thread.sleep(1000);
		assertThat(this.kafka.events(jobId)).hasSize(1);
		assertThat(TestHub.jobIds().stream().filter(jobId::equals)).hasSize(1);
		assertThat(TestHub.hub().calls().count("jobs.create") - creates).isEqualTo(2);

		// And the dead instance's JobSubmitted is in the log, aborted
		assertThat(uncommittedReaderSees(jobId)).isEqualTo(2);
	}

	@Test
	void givenAJobWaitingForTheS1SlotWhenTheExecutorRestartsThenTheNewInstanceRebuildsTheQueueAndSubmitsItOnce()
			throws Exception {
		// Given the S1 tier, its one job slot taken by a job that runs until cancelled
		// (created with the SDK; its device is offline and the job waits 90 s for it)
		await().atMost(Duration.ofSeconds(30)).until(() -> TestHub.hub().jobs().activeCount() == 0);
		TestHub.hub().tier(TierProfile.parse("S1"));
		String device = TestHub.device("restart-" + UUID.randomUUID());
		String blocker = UUID.randomUUID().toString();
		TestHub.jobs()
			.scheduleDirectMethod(blocker, "deviceId IN ['" + device + "']", "lockDoor", new Date(),
					DirectMethodsJobOptions.builder()
						.methodConnectTimeoutSeconds(90)
						.methodResponseTimeoutSeconds(10)
						.maxExecutionTimeSeconds(120)
						.build());

		// And an executor that queued a command behind it (JobQueued and the command's
		// offset committed)
		ConfigurableApplicationContext first = startInstance();
		String jobId = UUID.randomUUID().toString();
		this.kafka.send(jobId, Commands.buildingFloor(jobId, device));
		assertThat(this.kafka.awaitEvent(jobId, JobQueued.class).command().jobId()).isEqualTo(jobId);
		assertThat(first.getBean(WaitingRoom.class).find(jobId)).isNotNull();

		// When it stops and a new instance starts in its place
		first.close();
		this.instances.remove(first);
		WaitingRoom rebuilt = startInstance().getBean(WaitingRoom.class);

		// Then the new instance has the job in its queue again, not yet on the hub
		await().atMost(Duration.ofSeconds(30)).until(() -> rebuilt.find(jobId) != null);
		assertThatThrownBy(() -> TestHub.jobs().get(jobId)).isInstanceOf(IotHubNotFoundException.class);

		// When the slot frees up
		TestHub.jobs().cancel(blocker);

		// Then the job is submitted once, by the new instance, and leaves its queue
		JobSubmitted submitted = this.kafka.awaitEvent(jobId, JobSubmitted.class);
		assertThat(submitted.attempts()).isGreaterThanOrEqualTo(2);
		await().atMost(Duration.ofSeconds(5)).until(() -> rebuilt.find(jobId) == null);
		assertThat(this.kafka.events(jobId)).hasExactlyElementsOfTypes(JobQueued.class, JobSubmitted.class);
		assertThat(TestHub.jobIds().stream().filter(jobId::equals)).hasSize(1);
		assertThat(TestHub.job(jobId).getUpdateTwin().getDesiredProperties()).containsKeys("building", "floor");
	}

	@Test
	void givenAStatedS1Quota_whenASecondJobComesWhileTheSlotIsTaken_thenItIsQueuedWithoutACreateCallAndSubmittedOnceItFrees()
			throws Exception {
		// Given the S1 tier and an executor told its quota (one active job)
		await().atMost(Duration.ofSeconds(30)).until(() -> TestHub.hub().jobs().activeCount() == 0);
		TestHub.hub().tier(TierProfile.parse("S1"));
		startInstance("--fleetjobs.queueing.hub-max-active-jobs=1");
		String device = TestHub.device("quota-" + UUID.randomUUID());
		String running = UUID.randomUUID().toString();
		this.kafka.send(running, Commands.withMethod(Commands.lockDoor(running, device),
				new MethodInvocation("lockDoor", Map.of("lockTime", "10m"), 10, 90)));
		this.kafka.awaitEvent(running, JobSubmitted.class);
		long creates = TestHub.hub().calls().count("jobs.create");

		// When a second job comes while the first runs (its device is offline)
		String waiting = UUID.randomUUID().toString();
		this.kafka.send(waiting, Commands.buildingFloor(waiting, device));

		// Then it is queued without a create call, so the hub never answers 429
		JobQueued queued = this.kafka.awaitEvent(waiting, JobQueued.class);
		assertThat(queued.reason()).contains("hub-max-active-jobs", running, "no hub call was made");
		Thread.sleep(1500);
		assertThat(TestHub.hub().calls().count("jobs.create")).isEqualTo(creates);

		// When the first job is cancelled, the second goes to the hub once
		TestHub.jobs().cancel(running);
		this.kafka.awaitEvent(waiting, JobSubmitted.class);
		assertThat(TestHub.hub().calls().count("jobs.create")).isEqualTo(creates + 1);
		assertThat(this.kafka.events(waiting)).hasExactlyElementsOfTypes(JobQueued.class, JobSubmitted.class);
	}

	private ConfigurableApplicationContext startInstance(String... extra) {
		List<String> arguments = arguments();
		arguments.addAll(List.of(extra));
		ConfigurableApplicationContext instance = new SpringApplicationBuilder(JobExecutorApplication.class)
			.run(arguments.toArray(String[]::new));
		this.instances.add(instance);
		return instance;
	}

	/** The service's arguments for the test broker and hub. */
	private List<String> arguments() {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.jmx.enabled=false",
				"--spring.main.banner-mode=off", "--spring.kafka.bootstrap-servers=" + this.broker.getBrokersAsString(),
				"--spring.kafka.producer.transaction-id-prefix=crash-test-",
				"--spring.kafka.producer.properties.transaction.timeout.ms=10000",
				"--spring.kafka.consumer.properties.session.timeout.ms=6000",
				"--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
				"--fleetjobs.scheduling.listener-concurrency=1", "--fleetjobs.topics.partitions=3"));
		TestHub.properties().forEach((property) -> arguments.add("--" + property));
		return arguments;
	}

	private static List<String> command(String mainClass, List<String> arguments) {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(
				System.getProperty("java.home") + File.separator + "bin" + File.separator + "java", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx384m", "-cp", classpath, mainClass));
		command.addAll(arguments);
		return command;
	}

	/** How many JobSubmitted records of the job a read_uncommitted reader finds. */
	private long uncommittedReaderSees(String jobId) {
		try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.broker.getBrokersAsString(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
			List<TopicPartition> partitions = reader.partitionsFor(Topics.LIFECYCLE)
				.stream()
				.map((info) -> new TopicPartition(Topics.LIFECYCLE, info.partition()))
				.toList();
			reader.assign(partitions);
			reader.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
			long count = 0;
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (partitions.stream().anyMatch((partition) -> reader.position(partition) < ends.get(partition))
					&& System.nanoTime() < deadline) {
				for (var record : reader.poll(Duration.ofMillis(200))) {
					if (jobId.equals(record.key()) && "JobSubmitted".equals(KafkaTopics.header(record, "__TypeId__"))) {
						count++;
					}
				}
			}
			return count;
		}
	}

}
