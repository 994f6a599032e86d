package dev.fleetjobs.launcher;

import dev.fleetjobs.launcher.stack.StackShape;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --brokers} and {@code --instances}, shared by up, bench and chaos. */
public final class ShapeOptions {

	@Option(names = "--brokers", defaultValue = "1",
			description = "Kafka brokers: 1, or 3 (a KRaft quorum, replication factor 3, min.insync.replicas 2; "
					+ "then 2 instances of each service unless --instances says otherwise). Default: ${DEFAULT-VALUE}.")
	int brokers;

	@Option(names = "--instances",
			description = "Instances of job-request-, job-executor- and job-status-service (default: 1, or 2 with "
					+ "--brokers 3); instance n listens on the first one's ports + 100 x (n - 1).")
	Integer instances;

	@Spec(Spec.Target.MIXEE)
	CommandSpec command;

	/** The shape asked for; a bad count is a usage error of the command. */
	public StackShape shape() {
		int count = (this.instances != null) ? this.instances : ((this.brokers > 1) ? 2 : 1);
		try {
			return new StackShape(this.brokers, count, 0);
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.command.commandLine(), ex.getMessage());
		}
	}

}
