package dev.fleetjobs.e2e.chaos;

import java.nio.file.Path;

import dev.fleetjobs.e2e.support.E2eStack;
import dev.fleetjobs.launcher.chaos.JarSnapshot;
import dev.fleetjobs.launcher.stack.ModuleJars;
import dev.fleetjobs.launcher.stack.RunDirectory;
import dev.fleetjobs.launcher.stack.RunningProcesses;
import dev.fleetjobs.launcher.stack.StackPorts;
import dev.fleetjobs.launcher.stack.StackSettings;

/**
 * A chaos test's own system: it kills processes, so never the shared {@link E2eStack}.
 * Its folder {@code e2e-tests/target/<name>-<offset>} is emptied first (what a previous
 * run left running is stopped), and its jars are a snapshot, so a build meanwhile does
 * not change what restarts.
 */
final class ChaosRuns {

	private ChaosRuns() {
	}

	/**
	 * @param name the run folder's prefix
	 * @param extraOffset added to the e2e port offset ({@code fleetjobs.e2e.portOffset})
	 */
	static StackSettings prepare(String name, int extraOffset, int devices, int buildings, int floors) {
		int offset = Integer.getInteger("fleetjobs.e2e.portOffset", 12000) + extraOffset;
		Path root = E2eStack.projectRoot();
		RunDirectory run = new RunDirectory(root.resolve("e2e-tests/target/" + name + "-" + offset));
		RunningProcesses.stopAll(run, System.out::println);
		RunDirectory.deleteRecursively(run.root());
		ModuleJars jars = JarSnapshot.copy(new ModuleJars(root), run.root().resolve("jars"));
		return new StackSettings(run, jars, StackPorts.DEFAULTS.offset(offset), devices, "light", buildings, floors,
				"unlimited");
	}

}
