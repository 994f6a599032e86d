package dev.fleetjobs.emulator.bench;

import java.util.Comparator;
import java.util.List;

/** One target's figures, and the side-by-side table with the goals. */
record Report(String name, double connectSeconds, long idleRssKb, long connectedRssKb, long endRssKb,
		List<Round.Result> rounds, List<Double> cpuMicrosPerRoundTrip, int devices) {

	/** The median round by fan-out time. */
	Round.Result median() {
		return this.rounds.stream()
			.sorted(Comparator.comparingDouble(Round.Result::seconds))
			.toList()
			.get(this.rounds.size() / 2);
	}

	double cpuMicros() {
		return this.cpuMicrosPerRoundTrip.stream().sorted().toList().get(this.cpuMicrosPerRoundTrip.size() / 2);
	}

	double kbPerConnection() {
		return (this.connectedRssKb - this.idleRssKb) / (double) this.devices;
	}

	static void print(int devices, int window, Report emulator, Report mosquitto) {
		System.out.println();
		System.out.printf(
				"Fan-out of one direct method to %,d devices on MQTT/TLS, %d calls in flight, median of %d rounds%n",
				devices, window, emulator.rounds.size());
		System.out.printf("%-34s %14s %14s %10s %8s%n", "", emulator.name, mosquitto.name, "ratio", "goal");
		row("connect all devices (s)", emulator.connectSeconds, mosquitto.connectSeconds, "");
		row("fan-out time (s)", emulator.median().seconds(), mosquitto.median().seconds(), "<= 1.5");
		row("round trips per second", emulator.median().perSecond(), mosquitto.median().perSecond(), "");
		row("p50 latency (ms)", emulator.median().p50Millis(), mosquitto.median().p50Millis(), "");
		row("p99 latency (ms)", emulator.median().p99Millis(), mosquitto.median().p99Millis(), "");
		row("broker CPU per round trip (us)", emulator.cpuMicros(), mosquitto.cpuMicros(), "<= 3");
		row("memory per connection (KB RSS)", emulator.kbPerConnection(), mosquitto.kbPerConnection(), "<= 4");
		row("RSS idle / connected (MB)", emulator.idleRssKb / 1024.0, mosquitto.idleRssKb / 1024.0, "");
		row("", emulator.connectedRssKb / 1024.0, mosquitto.connectedRssKb / 1024.0, "");
		System.out.printf("machine: %d cores, %.0f GiB; load average at the end: %s%n",
				Runtime.getRuntime().availableProcessors(),
				((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
					.getOperatingSystemMXBean()).getTotalMemorySize() / (1024.0 * 1024 * 1024),
				loadAverage());
		System.out.printf("failed calls: emulator %d, mosquitto %d%n",
				emulator.rounds.stream().mapToInt(Round.Result::failed).sum(),
				mosquitto.rounds.stream().mapToInt(Round.Result::failed).sum());
	}

	/** The job fan-out next to mosquitto's fan-out of the same run. */
	static void printJob(int devices, Report job, Report mosquitto) {
		System.out.println();
		System.out.printf("A lockDoor job on %,d devices vs the same fan-out through mosquitto, median of %d rounds%n",
				devices, job.rounds.size());
		System.out.printf("%-34s %14s %14s %10s %8s%n", "", job.name, mosquitto.name, "ratio", "goal");
		row("job start to last record (s)", job.median().seconds(), mosquitto.median().seconds(), "<= 1.5");
		row("devices per second", job.median().perSecond(), mosquitto.median().perSecond(), "");
		row("broker CPU per device (us)", job.cpuMicros(), mosquitto.cpuMicros(), "");
		System.out.printf("all rounds (s): job %s, mosquitto %s; load average at the end: %s%n",
				job.rounds.stream().map((r) -> String.format("%.3f", r.seconds())).toList(),
				mosquitto.rounds.stream().map((r) -> String.format("%.3f", r.seconds())).toList(), loadAverage());
	}

	static String loadAverage() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
		}
		catch (java.io.IOException ex) {
			return "unknown";
		}
	}

	private static void row(String label, double emulator, double mosquitto, String goal) {
		System.out.printf("%-34s %14.2f %14.2f %10.2f %8s%n", label, emulator, mosquitto,
				(mosquitto != 0) ? emulator / mosquitto : Double.NaN, goal);
	}

}
