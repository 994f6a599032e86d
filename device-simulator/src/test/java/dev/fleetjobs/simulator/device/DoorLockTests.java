package dev.fleetjobs.simulator.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class DoorLockTests {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final DoorLock lock = new DoorLock("lock-1-1-1", DeviceFaults.NONE, this.clock);

	@Test
	void lockDoorAnswers200AndReportsLockedUntilNowPlusLockTime() {
		// When
		MethodReply reply = this.lock.onMethod("lockDoor", "{\"lockTime\":\"10m\"}");

		// Then
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.payload()).isEqualTo("{\"Response\":\"lockDoor called successfully\"}");
		assertThat(reply.reported()).hasToString("{\"doorState\":\"locked\",\"lockedUntil\":\"2026-11-26T10:10:00Z\"}");
		assertThat(this.lock.doorState()).isEqualTo("locked");
		assertThat(reply.delay()).isZero();
	}

	@Test
	void lockDoorReadsThePayloadAsAJsonStringHoldingJsonLikeTheSeedTutorialSendsIt() {
		// When
		MethodReply reply = this.lock.onMethod("lockDoor", "\"{\\\"lockTime\\\":\\\"PT30S\\\"}\"");

		// Then
		assertThat(reply.status()).isEqualTo(200);
		assertThat(this.lock.lockedUntil()).isEqualTo(NOW.plusSeconds(30));
	}

	@Test
	void lockDoorWithoutLockTimeLocksWithoutAnEnd() {
		// When
		MethodReply reply = this.lock.onMethod("lockDoor", "null");

		// Then
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.reported()).hasToString("{\"doorState\":\"locked\",\"lockedUntil\":null}");
	}

	@Test
	void lockDoorTakesPlainNumbersAsSeconds() {
		assertThat(LockTime.of("{\"lockTime\":90}")).isEqualTo(Duration.ofSeconds(90));
		assertThat(LockTime.of("{\"lockTime\":\"2h\"}")).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void lockDoorRejectsABadLockTimeWith400AndChangesNothing() {
		// When
		MethodReply reply = this.lock.onMethod("lockDoor", "{\"lockTime\":\"soon\"}");
		MethodReply tooLong = this.lock.onMethod("lockDoor", "{\"lockTime\":\"400d\"}");
		MethodReply notAnObject = this.lock.onMethod("lockDoor", "[1,2]");

		// Then
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.payload()).contains("lockTime 'soon'").contains("10m");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(notAnObject.status()).isEqualTo(400);
		assertThat(reply.reported()).isNull();
		assertThat(this.lock.doorState()).isNull();
	}

	@Test
	void unlockDoorAnswers200AndClearsLockedUntil() {
		// Given
		this.lock.onMethod("lockDoor", "{\"lockTime\":\"10m\"}");

		// When
		MethodReply reply = this.lock.onMethod("unlockDoor", null);

		// Then
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.payload()).isEqualTo("{\"Response\":\"unlockDoor called successfully\"}");
		assertThat(reply.reported()).hasToString("{\"doorState\":\"unlocked\",\"lockedUntil\":null}");
	}

	@Test
	void unknownMethodAnswers404NamingTheMethodAndWhatIsSupported() {
		// When
		MethodReply reply = this.lock.onMethod("reboot", "{}");

		// Then
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.payload()).contains("'reboot' is not implemented").contains("lockDoor and unlockDoor");
		assertThat(reply.reported()).isNull();
	}

	@Test
	void aFailingDeviceAnswers500WithoutChangingItsStateAfterItsLatency() {
		// Given
		DoorLock failing = new DoorLock("lock-1-1-2",
				new DeviceFaults(false, Set.of("lockDoor"), Duration.ofMillis(700), null), this.clock);

		// When
		MethodReply lockReply = failing.onMethod("lockDoor", "{\"lockTime\":\"10m\"}");
		MethodReply unlockReply = failing.onMethod("unlockDoor", "{}");

		// Then
		assertThat(lockReply.status()).isEqualTo(500);
		assertThat(lockReply.payload()).contains("simulated device fault");
		assertThat(lockReply.reported()).isNull();
		assertThat(lockReply.delay()).isEqualTo(Duration.ofMillis(700));
		assertThat(unlockReply.status()).isEqualTo(200);
	}

	@Test
	void desiredPatchIsMirroredAndAcknowledgedWithItsVersionButDeviceOwnedKeysAreNot() {
		// Given
		JsonNode patch = DoorLock.JSON.readTree(
				"{\"building\":43,\"floor\":3,\"doorState\":\"locked\",\"schedule\":{\"night\":true},\"old\":null}");

		// When
		ObjectNode reported = this.lock.onDesired(patch, 7);

		// Then
		assertThat(reported).hasToString(
				"{\"building\":43,\"floor\":3,\"schedule\":{\"night\":true},\"old\":null,\"desiredVersion\":7}");
	}

	@Test
	void firstReconcileReportsAnUnlockedDoorTheMissedDesiredValuesAndTheVersion() {
		// Given
		JsonNode desired = DoorLock.JSON.readTree("{\"floor\":3,\"building\":43}");
		JsonNode reported = DoorLock.JSON.readTree("{\"floor\":3}");

		// When
		ObjectNode patch = this.lock.reconcile(desired, 4, reported);

		// Then
		assertThat(patch)
			.hasToString("{\"building\":43,\"desiredVersion\":4,\"doorState\":\"unlocked\",\"lockedUntil\":null}");
	}

	@Test
	void firstReconcileAdoptsTheReportedDoorStateOfAnEarlierRun() {
		// Given
		JsonNode reported = DoorLock.JSON
			.readTree("{\"doorState\":\"locked\",\"lockedUntil\":\"2026-11-26T11:00:00Z\",\"desiredVersion\":1}");

		// When
		ObjectNode patch = this.lock.reconcile(DoorLock.JSON.createObjectNode(), 1, reported);

		// Then
		assertThat(patch).isNull();
		assertThat(this.lock.doorState()).isEqualTo("locked");
		assertThat(this.lock.lockedUntil()).isEqualTo(Instant.parse("2026-11-26T11:00:00Z"));
	}

	@Test
	void laterReconcileReportsTheDoorStateTheHubMissed() {
		// Given a lock the hub never heard of
		this.lock.reconcile(DoorLock.JSON.createObjectNode(), 1, DoorLock.JSON.createObjectNode());
		this.lock.onMethod("lockDoor", "{\"lockTime\":\"1m\"}");
		JsonNode reported = DoorLock.JSON.readTree("{\"doorState\":\"unlocked\",\"desiredVersion\":1}");

		// When
		ObjectNode patch = this.lock.reconcile(DoorLock.JSON.createObjectNode(), 1, reported);

		// Then
		assertThat(patch).hasToString("{\"doorState\":\"locked\",\"lockedUntil\":\"2026-11-26T10:01:00Z\"}");
	}

}
