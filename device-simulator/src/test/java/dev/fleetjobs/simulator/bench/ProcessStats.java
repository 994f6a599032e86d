package dev.fleetjobs.simulator.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/** RSS, live heap and threads of this JVM, from /proc and the management beans. */
record ProcessStats(long rssBytes, long liveHeapBytes, int threads) {

	static ProcessStats now() {
		for (int i = 0; i < 3; i++) {
			System.gc();
			sleep(200);
		}
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		return new ProcessStats(rss(), heap.getUsed(), ManagementFactory.getThreadMXBean().getThreadCount());
	}

	private static long rss() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException("No VmRSS in /proc/self/status");
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
