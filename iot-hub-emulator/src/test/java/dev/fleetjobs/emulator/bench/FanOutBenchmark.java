package dev.fleetjobs.emulator.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import dev.fleetjobs.emulator.auth.SasToken;

/**
 * Connects N devices over MQTT on TLS to the emulator and fans a direct method out to all
 * of them through its REST API; then runs the same request/response pattern through
 * mosquitto, and prints both side by side. Run it with {@code bench/run.sh}.
 */
public final class FanOutBenchmark {

	private static final int EMULATOR_HTTPS = 28443;

	private static final int EMULATOR_MQTT = 28883;

	private static final int MOSQUITTO = 28884;

	private FanOutBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int devices = Integer.getInteger("devices", 10_000);
		int window = Integer.getInteger("window", 256);
		int rounds = Integer.getInteger("rounds", 3);
		Path jar = Path.of(System.getProperty("emulator.jar"));
		Path work = Path.of(System.getProperty("work", "/tmp/fleetjobs-bench"));
		List<String> ids = IntStream.range(0, devices).mapToObj((i) -> String.format("bench-%05d", i)).toList();
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
		Path emulatorData = work.resolve("emulator");
		try {
			Report emulator;
			Process process = Targets.startEmulator(jar, emulatorData, EMULATOR_HTTPS, EMULATOR_MQTT);
			try {
				SslContext ssl = clientTls(emulatorData);
				Targets.provision(Targets.trust(emulatorData), EMULATOR_HTTPS, ids);
				Broker broker = emulatorBroker(process.pid());
				String token = SasToken.create("localhost", Targets.OWNER_KEY, "iothubowner",
						Instant.now().plusSeconds(3600));
				emulator = measure(broker, group, ssl, ids, rounds, () -> {
					HttpFanOut http = new HttpFanOut(group, EpollSocketChannel.class, ssl, "localhost", EMULATOR_HTTPS,
							token, window);
					return http::run;
				});
			}
			finally {
				process.destroy();
				process.waitFor();
			}
			if (!System.getProperty("targets", "emulator,mosquitto").contains("mosquitto")) {
				return;
			}
			Report mosquitto;
			Process broker = Targets.startMosquitto(work.resolve("mosquitto"), emulatorData, MOSQUITTO);
			try {
				SslContext ssl = clientTls(emulatorData);
				mosquitto = measure(mosquittoBroker(broker.pid()), group, ssl, ids, rounds, () -> {
					MqttFanOut mqtt = new MqttFanOut(group, EpollSocketChannel.class, ssl, "localhost", MOSQUITTO,
							window);
					return mqtt::run;
				});
			}
			finally {
				broker.destroy();
				broker.waitFor();
			}
			Report.print(ids.size(), window, emulator, mosquitto);
		}
		finally {
			group.shutdownGracefully();
		}
	}

	private static Report measure(Broker broker, EventLoopGroup group, SslContext ssl, List<String> ids, int rounds,
			FanOutFactory fanOutFactory) throws Exception {
		LoadDevices devices = new LoadDevices(group, EpollSocketChannel.class, ssl);
		System.out.printf("%s: connecting %d devices (load average %s)...%n", broker.name(), ids.size(),
				Report.loadAverage());
		ProcessStats idle = ProcessStats.of(broker.pid());
		long started = System.nanoTime();
		List<Channel> channels = devices.connectAll(broker, ids, Integer.getInteger("connectWindow", 200));
		double connectSeconds = (System.nanoTime() - started) / 1e9;
		Targets.sleep(3000);
		ProcessStats connected = ProcessStats.of(broker.pid());
		FanOut fanOut = fanOutFactory.create();
		int warmUps = Integer.getInteger("warmups", 2);
		System.out.printf("%s: connected in %.1f s; %d warm-up rounds...%n", broker.name(), connectSeconds, warmUps);
		for (int i = 0; i < warmUps; i++) {
			fanOut.run(ids);
		}
		List<Round.Result> results = new ArrayList<>();
		List<Double> cpu = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			ProcessStats before = ProcessStats.of(broker.pid());
			var threadsBefore = ProcessStats.cpuByThread(broker.pid());
			Round.Result result = fanOut.run(ids);
			ProcessStats after = ProcessStats.of(broker.pid());
			if (Boolean.getBoolean("threads")) {
				ProcessStats.cpuByThread(broker.pid()).forEach((name, millis) -> {
					long delta = millis - threadsBefore.getOrDefault(name, 0L);
					if (delta > 0) {
						System.out.printf("    %-24s %6d ms%n", name, delta);
					}
				});
			}
			results.add(result);
			cpu.add((after.cpuMillis() - before.cpuMillis()) * 1000.0 / ids.size());
			System.out.printf("%s: round %d: %s, %.0f us CPU per round trip%n", broker.name(), i + 1, result,
					cpu.get(i));
		}
		ProcessStats end = ProcessStats.of(broker.pid());
		channels.forEach(Channel::close);
		return new Report(broker.name(), connectSeconds, idle.rssKb(), connected.rssKb(), end.rssKb(), results, cpu,
				ids.size());
	}

	private static SslContext clientTls(Path emulatorData) throws Exception {
		return SslContextBuilder.forClient()
			.sslProvider(SslProvider.JDK)
			.protocols("TLSv1.2")
			.trustManager(emulatorData.resolve("ca.pem").toFile())
			.build();
	}

	private static Broker emulatorBroker(long pid) {
		return new SimpleBroker("emulator", EMULATOR_MQTT, pid) {
			@Override
			public String username(String deviceId) {
				return "localhost/" + deviceId + "/?api-version=2021-04-12";
			}

			@Override
			public String password(String deviceId) {
				return SasToken.create("localhost/devices/" + deviceId, Targets.DEVICE_KEY, null,
						Instant.now().plusSeconds(3600));
			}

			@Override
			public String requestFilter(String deviceId) {
				return "$iothub/methods/POST/#";
			}

			@Override
			public String responseTopic(String deviceId, String requestTopic) {
				return "$iothub/methods/res/200/?$rid=" + Broker.requestId(requestTopic);
			}
		};
	}

	private static Broker mosquittoBroker(long pid) {
		return new SimpleBroker("mosquitto", MOSQUITTO, pid) {
			@Override
			public String username(String deviceId) {
				return deviceId;
			}

			@Override
			public String password(String deviceId) {
				return "unused";
			}

			@Override
			public String requestFilter(String deviceId) {
				return "bench/" + deviceId + "/req/#";
			}

			@Override
			public String responseTopic(String deviceId, String requestTopic) {
				return "bench/" + deviceId + "/res/200/?$rid=" + Broker.requestId(requestTopic);
			}
		};
	}

	@FunctionalInterface
	interface FanOut {

		Round.Result run(List<String> deviceIds) throws InterruptedException;

	}

	@FunctionalInterface
	interface FanOutFactory {

		FanOut create() throws Exception;

	}

	private abstract static class SimpleBroker implements Broker {

		private final String name;

		private final int port;

		private final long pid;

		SimpleBroker(String name, int port, long pid) {
			this.name = name;
			this.port = port;
			this.pid = pid;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public String host() {
			return "localhost";
		}

		@Override
		public int mqttPort() {
			return this.port;
		}

		@Override
		public long pid() {
			return this.pid;
		}

	}

}
