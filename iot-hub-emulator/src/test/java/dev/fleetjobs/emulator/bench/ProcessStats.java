package dev.fleetjobs.emulator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a process, from /proc. */
record ProcessStats(long cpuMillis, long rssKb) {

	private static final long TICK_MILLIS = 10; // CLK_TCK is 100 on Linux x86-64

	/**
	 * CPU milliseconds per thread name (digits dropped), to see where a broker spends.
	 */
	static java.util.Map<String, Long> cpuByThread(long pid) {
		java.util.Map<String, Long> result = new java.util.TreeMap<>();
		try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
			for (Path task : tasks.toList()) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
						.replaceAll("[0-9]+", "#");
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					result.merge(name, ticks * TICK_MILLIS, Long::sum);
				}
				catch (IOException ex) {
					// the thread ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return result;
	}

	static ProcessStats of(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			long rss = Files.readAllLines(Path.of("/proc/" + pid + "/status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.mapToLong((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
				.findFirst()
				.orElse(0);
			return new ProcessStats(ticks * TICK_MILLIS, rss);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read /proc for process " + pid, ex);
		}
	}

}
