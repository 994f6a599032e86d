package dev.fleetjobs.e2e.hostile;

import java.util.concurrent.Callable;

/**
 * One kind of bad or hostile input: where it goes, what it is, and the attempt, which
 * sends it, asserts the refusal and returns how it was refused (for the table).
 *
 * @param channel where the input goes, e.g. {@code REST request} or
 * {@code Kafka fleetjobs.commands}
 * @param name what the input is
 * @param attempt sends the input, asserts a clear refusal, returns its summary
 */
record HostileCase(String channel, String name, Callable<String> attempt) {

	@Override
	public String toString() {
		return this.channel + ": " + this.name;
	}

}
