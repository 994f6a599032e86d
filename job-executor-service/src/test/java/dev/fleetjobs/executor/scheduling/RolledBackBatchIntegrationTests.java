package dev.fleetjobs.executor.scheduling;

import java.util.List;
import java.util.UUID;

import dev.fleetjobs.contracts.command.ScheduleJob;
import dev.fleetjobs.contracts.lifecycle.JobSubmitted;
import dev.fleetjobs.executor.queueing.JobLedger;
import dev.fleetjobs.executor.testsupport.Commands;
import dev.fleetjobs.executor.testsupport.ExecutorIntegrationTest;
import dev.fleetjobs.executor.testsupport.KafkaTopics;
import dev.fleetjobs.executor.testsupport.TestHub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.transaction.KafkaAwareTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch whose transaction rolls back after the listener handled it (as when the broker
 * cannot take the offsets and the commit fails): with the listener's own transaction
 * manager and the real broker, the ledger must not know the job afterwards, so that the
 * redelivered command submits it (and publishes its {@code JobSubmitted}) instead of
 * taking it for a duplicate. Found by {@code ./fleetjobs chaos --brokers 3}: a job ran on
 * the hub with no lifecycle event.
 */
@ExecutorIntegrationTest
class RolledBackBatchIntegrationTests {

	@Autowired
	private KafkaAwareTransactionManager<?, ?> transactions;

	@Autowired
	private JobSchedulingService scheduling;

	@Autowired
	private JobLedger ledger;

	@Autowired
	private KafkaTopics kafka;

	@Test
	void givenABatchWhoseTransactionRollsBackAfterTheListener_whenTheCommandComesAgain_thenItIsSubmittedAndPublished() {
		String jobId = UUID.randomUUID().toString();
		ScheduleJob command = Commands.lockDoor(jobId, TestHub.device("door-" + jobId));
		IncomingCommand incoming = new IncomingCommand.Schedule(command,
				new CommandOrigin("fleetjobs.commands", 0, 0, jobId, List.of()));

		// Given the batch handled in a transaction that then rolls back
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.scheduling.handle(List.of(incoming));
			status.setRollbackOnly();
		});

		// Then nothing of it is known, and nothing of it is visible
		assertThat(this.ledger.state(0, jobId)).as("the ledger after the rollback").isNull();

		// And when the command comes again, it is submitted (the hub job exists already:
		// the same definition counts as success) and its JobSubmitted committed
		new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> this.scheduling.handle(List.of(incoming)));
		assertThat(this.kafka.awaitEvent(jobId, JobSubmitted.class).jobId()).isEqualTo(jobId);
		assertThat(this.ledger.state(0, jobId)).isNotNull();
	}

}
