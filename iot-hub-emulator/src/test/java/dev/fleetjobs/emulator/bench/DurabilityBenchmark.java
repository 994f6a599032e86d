package dev.fleetjobs.emulator.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.twin.Twin;

import dev.fleetjobs.emulator.EmulatorConfig;
import dev.fleetjobs.emulator.IotHubEmulator;
import dev.fleetjobs.emulator.store.Store;
import dev.fleetjobs.emulator.support.ServiceClients;

/**
 * What committing before answering costs: the raw group commit of the store, then twin
 * patches and job creates through the official service SDK, on a data-directory emulator
 * (commits before each answer) and an in-memory one (nothing to commit). Run it with
 * {@code bench/durability.sh}.
 */
public final class DurabilityBenchmark {

	private static final int CALLS = Integer.getInteger("calls", 300);

	private DurabilityBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path work = Files.createTempDirectory("durability-bench");
		System.out.printf("load average %s%n", Report.loadAverage());
		rawCommits(work.resolve("raw.mv.db"));
		for (boolean durable : new boolean[] { true, false }) {
			EmulatorConfig.Builder config = EmulatorConfig.builder().httpsPort(0).mqttPort(0);
			try (IotHubEmulator hub = IotHubEmulator
				.start(durable ? config.dataDir(work.resolve("hub")).build() : config.inMemory().build())) {
				ServiceClients service = ServiceClients.of(hub);
				service.registry().addDevice(new Device("durable-door"));
				String kind = durable ? "data directory" : "in memory";
				sequential(kind + ": twin patch", () -> {
					Twin twin = new Twin("durable-door");
					twin.getTags().put("n", System.nanoTime());
					service.twins().patch(twin);
				});
				sequential(kind + ": job create", () -> service.jobs()
					.scheduleDirectMethod("durable-" + System.nanoTime(), "deviceId = 'durable-door'", "lockDoor",
							Date.from(Instant.now().plusSeconds(3600)), DirectMethodsJobOptions.builder().build()));
				concurrent(kind + ": twin patch, 8 threads", () -> {
					Twin twin = new Twin("durable-door");
					twin.getTags().put("n", System.nanoTime());
					service.twins().patch(twin);
				});
			}
		}
		System.out.printf("load average %s%n", Report.loadAverage());
	}

	private static void rawCommits(Path file) throws Exception {
		try (Store store = Store.open(file)) {
			var map = store.map("bench");
			long[] latencies = new long[2000];
			for (int i = 0; i < latencies.length; i++) {
				long started = System.nanoTime();
				map.put("k" + (i % 100), "v" + i);
				store.flush().join();
				latencies[i] = System.nanoTime() - started;
			}
			print("store: put + group commit, sequential", latencies, 0);
		}
	}

	private static void sequential(String name, Call call) throws Exception {
		for (int i = 0; i < 50; i++) {
			call.run();
		}
		long[] latencies = new long[CALLS];
		for (int i = 0; i < CALLS; i++) {
			long started = System.nanoTime();
			call.run();
			latencies[i] = System.nanoTime() - started;
		}
		print(name + ", sequential", latencies, 0);
	}

	private static void concurrent(String name, Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			long started = System.nanoTime();
			List<Future<long[]>> results = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				results.add(pool.submit(() -> {
					long[] latencies = new long[CALLS / 8];
					for (int i = 0; i < latencies.length; i++) {
						long begin = System.nanoTime();
						call.run();
						latencies[i] = System.nanoTime() - begin;
					}
					return latencies;
				}));
			}
			long[] all = new long[0];
			for (Future<long[]> result : results) {
				long[] part = result.get();
				long[] merged = Arrays.copyOf(all, all.length + part.length);
				System.arraycopy(part, 0, merged, all.length, part.length);
				all = merged;
			}
			print(name, all, System.nanoTime() - started);
		}
		finally {
			pool.shutdown();
		}
	}

	private static void print(String name, long[] latencies, long wallNanos) {
		Arrays.sort(latencies);
		double mean = Arrays.stream(latencies).average().orElse(0) / 1e6;
		String throughput = (wallNanos > 0) ? String.format(", %.0f calls/s", latencies.length / (wallNanos / 1e9))
				: "";
		System.out.printf("%-48s mean %6.2f ms, p50 %6.2f ms, p99 %6.2f ms%s%n", name, mean,
				latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6, throughput);
	}

	@FunctionalInterface
	private interface Call {

		void run() throws Exception;

	}

}
