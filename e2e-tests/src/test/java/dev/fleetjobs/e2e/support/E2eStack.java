package dev.fleetjobs.e2e.support;

import java.nio.file.Path;

import javax.net.ssl.HttpsURLConnection;

import dev.fleetjobs.launcher.stack.EmulatorCredentials;
import dev.fleetjobs.launcher.stack.LocalStack;
import dev.fleetjobs.launcher.stack.ModuleJars;
import dev.fleetjobs.launcher.stack.RunDirectory;
import dev.fleetjobs.launcher.stack.RunningProcesses;
import dev.fleetjobs.launcher.stack.StackPorts;
import dev.fleetjobs.launcher.stack.StackSettings;

/**
 * One whole system per test JVM, as separate processes started from the modules' jars,
 * exactly as {@code ./fleetjobs up} starts them: the real Kafka broker, the emulator, the
 * three services and 300 simulated devices (10 buildings x 3 floors, 10 doors per floor).
 * Its folder is {@code target/e2e-run-<port offset>} (ports: the defaults +
 * {@code -Dfleetjobs.e2e.portOffset}, 12000); it is stopped when the JVM exits.
 */
public final class E2eStack {

	public static final int DEVICES = 300;

	public static final int BUILDINGS = 10;

	public static final int FLOORS = 3;

	private static LocalStack stack;

	private E2eStack() {
	}

	public static synchronized LocalStack get() {
		if (stack == null) {
			Path root = projectRoot();
			int offset = Integer.getInteger("fleetjobs.e2e.portOffset", 12000);
			RunDirectory run = new RunDirectory(root.resolve("e2e-tests/target/e2e-run-" + offset));
			RunningProcesses.stopAll(run, System.out::println);
			RunDirectory.deleteRecursively(run.root());
			StackSettings settings = new StackSettings(run, new ModuleJars(root), StackPorts.DEFAULTS.offset(offset),
					DEVICES, "light", BUILDINGS, FLOORS, "unlimited");
			LocalStack started = new LocalStack(settings);
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-stack-stop"));
			started.start((line) -> System.out.println("[e2e] " + line));
			trustTheEmulator(started.components().emulatorData().resolve("ca.p12"));
			stack = started;
		}
		return stack;
	}

	/**
	 * The official service client uses {@code HttpsURLConnection}'s default socket
	 * factory: make it trust the emulator's CA (and only that).
	 */
	private static void trustTheEmulator(Path caStore) {
		HttpsURLConnection.setDefaultSSLSocketFactory(EmulatorCredentials.trusting(caStore).getSocketFactory());
	}

	public static Path projectRoot() {
		return Path.of(System.getProperty("fleetjobs.projectRoot", "..")).toAbsolutePath().normalize();
	}

}
