package dev.fleetjobs.emulator.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.ssl.SslContext;

import dev.fleetjobs.emulator.bench.FanOutBenchmark.FanOut;
import dev.fleetjobs.emulator.bench.FanOutBenchmark.FanOutFactory;

/** Measures fan-outs against one broker: connect, warm up, timed rounds, CPU and RSS. */
final class Measurement {

	private Measurement() {
	}

	/**
	 * Connects the devices once, then runs each fan-out: warm-ups, then measured rounds
	 * with the broker's CPU time.
	 */
	static Map<String, Report> measure(Broker broker, EventLoopGroup group, SslContext ssl, List<String> ids,
			int rounds, Map<String, FanOutFactory> fanOuts) throws Exception {
		LoadDevices devices = new LoadDevices(group, EpollSocketChannel.class, ssl);
		System.out.printf("%s: connecting %d devices (load average %s)...%n", broker.name(), ids.size(),
				Report.loadAverage());
		ProcessStats idle = ProcessStats.of(broker.pid());
		long started = System.nanoTime();
		List<Channel> channels = devices.connectAll(broker, ids, Integer.getInteger("connectWindow", 200));
		double connectSeconds = (System.nanoTime() - started) / 1e9;
		Targets.sleep(3000);
		ProcessStats connected = ProcessStats.of(broker.pid());
		Map<String, Report> reports = new LinkedHashMap<>();
		for (Map.Entry<String, FanOutFactory> entry : fanOuts.entrySet()) {
			String name = entry.getKey();
			FanOut fanOut = entry.getValue().create();
			int warmUps = Integer.getInteger("warmups", 2);
			System.out.printf("%s: connected in %.1f s; %d warm-up rounds (load average %s)...%n", name, connectSeconds,
					warmUps, Report.loadAverage());
			for (int i = 0; i < warmUps; i++) {
				fanOut.run(ids);
				fanOut.verifyLast();
			}
			List<Round.Result> results = new ArrayList<>();
			List<Double> cpu = new ArrayList<>();
			for (int i = 0; i < rounds; i++) {
				ProcessStats before = ProcessStats.of(broker.pid());
				var threadsBefore = ProcessStats.cpuByThread(broker.pid());
				Round.Result result = fanOut.run(ids);
				ProcessStats after = ProcessStats.of(broker.pid());
				fanOut.verifyLast();
				if (Boolean.getBoolean("threads")) {
					ProcessStats.cpuByThread(broker.pid()).forEach((thread, millis) -> {
						long delta = millis - threadsBefore.getOrDefault(thread, 0L);
						if (delta > 0) {
							System.out.printf("    %-24s %6d ms%n", thread, delta);
						}
					});
				}
				results.add(result);
				cpu.add((after.cpuMillis() - before.cpuMillis()) * 1000.0 / ids.size());
				System.out.printf("%s: round %d: %s, %.0f us CPU per device, load average %s%n", name, i + 1, result,
						cpu.get(i), Report.loadAverage());
			}
			ProcessStats end = ProcessStats.of(broker.pid());
			reports.put(name, new Report(name, connectSeconds, idle.rssKb(), connected.rssKb(), end.rssKb(), results,
					cpu, ids.size()));
		}
		channels.forEach(Channel::close);
		return reports;
	}

}
