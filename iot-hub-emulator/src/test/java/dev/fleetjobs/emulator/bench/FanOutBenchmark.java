package dev.fleetjobs.emulator.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
 * of them, once through its REST API (one call per device) and once as a scheduled job
 * (the jobs engine fans out in-process); then runs the same request/response pattern
 * through mosquitto, and prints them side by side. Run it with {@code bench/run.sh}.
 */
public final class FanOutBenchmark {

	/**
	 * Free ports unless given: other benchmarks may run on this machine at the same time.
	 */
	private static final int EMULATOR_HTTPS = Integer.getInteger("emulatorHttpsPort", Targets.freePort());

	private static final int EMULATOR_MQTT = Integer.getInteger("emulatorMqttPort", Targets.freePort());

	private static final int MOSQUITTO = Integer.getInteger("mosquittoPort", Targets.freePort());

	private FanOutBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int devices = Integer.getInteger("devices", 10_000);
		int window = Integer.getInteger("window", 256);
		int rounds = Integer.getInteger("rounds", 3);
		String modes = System.getProperty("modes", "http,job");
		Path jar = Path.of(System.getProperty("emulator.jar"));
		Path work = Path.of(System.getProperty("work", "/tmp/fleetjobs-bench"));
		List<String> ids = IntStream.range(0, devices).mapToObj((i) -> String.format("bench-%05d", i)).toList();
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
		Path emulatorData = work.resolve("emulator");
		try {
			Map<String, Report> emulator;
			Process process = Targets.startEmulator(jar, emulatorData, EMULATOR_HTTPS, EMULATOR_MQTT);
			try {
				SslContext ssl = clientTls(emulatorData);
				Targets.provision(Targets.trust(emulatorData), EMULATOR_HTTPS, ids);
				Broker broker = emulatorBroker(process.pid());
				String token = SasToken.create("localhost", Targets.OWNER_KEY, "iothubowner",
						Instant.now().plusSeconds(3600));
				Map<String, FanOutFactory> fanOuts = new LinkedHashMap<>();
				if (modes.contains("http")) {
					fanOuts.put("emulator", () -> new HttpFanOut(group, EpollSocketChannel.class, ssl, "localhost",
							EMULATOR_HTTPS, token, window)::run);
				}
				if (modes.contains("job")) {
					fanOuts.put("emulator job",
							() -> new JobFanOut(Targets.trust(emulatorData), EMULATOR_HTTPS, token));
				}
				emulator = Measurement.measure(broker, group, ssl, ids, rounds, fanOuts);
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
				mosquitto = Measurement
					.measure(
							mosquittoBroker(broker
								.pid()),
							group, ssl, ids, rounds, Map.of("mosquitto", () -> new MqttFanOut(group,
									EpollSocketChannel.class, ssl, "localhost", MOSQUITTO, window)::run))
					.get("mosquitto");
			}
			finally {
				broker.destroy();
				broker.waitFor();
			}
			if (emulator.containsKey("emulator")) {
				Report.print(ids.size(), window, emulator.get("emulator"), mosquitto);
			}
			if (emulator.containsKey("emulator job")) {
				Report.printJob(ids.size(), emulator.get("emulator job"), mosquitto);
			}
		}
		finally {
			group.shutdownGracefully();
		}
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

		/** Checks the last round's results, outside the measured time and CPU. */
		default void verifyLast() throws InterruptedException {
		}

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
