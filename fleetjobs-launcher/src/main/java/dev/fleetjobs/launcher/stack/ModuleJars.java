package dev.fleetjobs.launcher.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Finds the runnable jars of the project's modules (built by {@code ./fleetjobs} or
 * {@code ./mvnw package}) and the Kafka jars the launcher ships in its {@code lib/}.
 */
public final class ModuleJars {

	private final Path projectRoot;

	public ModuleJars(Path projectRoot) {
		this.projectRoot = projectRoot.toAbsolutePath().normalize();
	}

	public Path projectRoot() {
		return this.projectRoot;
	}

	/** The Spring Boot jar of a service module. */
	public Path serviceJar(String module) {
		return find(module, "");
	}

	/** The emulator's self-contained jar. */
	public Path emulatorJar() {
		return find("iot-hub-emulator", "-exec");
	}

	/**
	 * The classpath of the Kafka broker: the jars the launcher's build copies to
	 * {@code fleetjobs-launcher/target/lib}.
	 */
	public String kafkaClasspath() {
		Path lib = this.projectRoot.resolve("fleetjobs-launcher/target/lib");
		if (!Files.isDirectory(lib)) {
			throw new IllegalStateException("No Kafka jars in " + lib + "; build the launcher with "
					+ "./mvnw -pl fleetjobs-launcher -am package -DskipTests");
		}
		return lib + "/*";
	}

	private Path find(String module, String suffix) {
		Path target = this.projectRoot.resolve(module).resolve("target");
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files
				.filter((file) -> file.getFileName().toString().matches(module + "-[0-9][^/]*" + suffix + "\\.jar"))
				.filter((file) -> suffix.isEmpty() == !file.getFileName().toString().endsWith("-exec.jar"))
				.max(Comparator.comparing((Path file) -> file.toFile().lastModified()))
				.orElseThrow(() -> new IllegalStateException("No jar of " + module + " in " + target
						+ "; build it with ./mvnw -pl " + module + " -am package -DskipTests"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list " + target, ex);
		}
	}

}
