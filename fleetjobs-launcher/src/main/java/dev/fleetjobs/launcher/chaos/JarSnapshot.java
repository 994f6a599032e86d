package dev.fleetjobs.launcher.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import dev.fleetjobs.launcher.stack.ModuleJars;
import dev.fleetjobs.launcher.stack.StackComponents;

/**
 * A copy of the runnable jars in the run folder, laid out as in the project, so that a
 * process restarted mid-run runs the same code it started with, even if a build rewrites
 * the project's jars meanwhile.
 */
public final class JarSnapshot {

	private static final List<String> SERVICES = List.of(StackComponents.REQUEST, StackComponents.EXECUTOR,
			StackComponents.STATUS, StackComponents.SIMULATOR);

	private JarSnapshot() {
	}

	public static ModuleJars copy(ModuleJars project, Path into) {
		try {
			for (String module : SERVICES) {
				copyFile(project.serviceJar(module), into.resolve(module).resolve("target"));
			}
			copyFile(project.emulatorJar(), into.resolve(StackComponents.EMULATOR).resolve("target"));
			Path lib = Path.of(project.kafkaClasspath().replace("/*", ""));
			Path libCopy = into.resolve("fleetjobs-launcher/target/lib");
			Files.createDirectories(libCopy);
			try (Stream<Path> jars = Files.list(lib)) {
				for (Path jar : jars.toList()) {
					Files.copy(jar, libCopy.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
			return new ModuleJars(into);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot copy the jars to " + into, ex);
		}
	}

	private static void copyFile(Path jar, Path targetDir) throws IOException {
		Files.createDirectories(targetDir);
		Files.copy(jar, targetDir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
	}

}
