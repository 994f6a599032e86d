package dev.fleetjobs.executor.scheduling;

import dev.fleetjobs.contracts.command.CancelJob;
import dev.fleetjobs.contracts.command.ScheduleJob;

/** One record of {@code fleetjobs.commands}, as the listener read it. */
sealed interface IncomingCommand {

	CommandOrigin origin();

	/** A {@code ScheduleJob}. */
	record Schedule(ScheduleJob command, CommandOrigin origin) implements IncomingCommand {
	}

	/** A {@code CancelJob}. */
	record Cancel(CancelJob command, CommandOrigin origin) implements IncomingCommand {
	}

	/**
	 * A record that is not a command: unreadable, empty, or of another type.
	 *
	 * @param value the original bytes, or the object that was read
	 * @param errorCode {@code UNPARSEABLE}, {@code EMPTY} or {@code WRONG_TYPE}
	 * @param reason readable
	 * @param origin where it came from
	 */
	record Malformed(Object value, String errorCode, String reason, CommandOrigin origin) implements IncomingCommand {
	}

}
