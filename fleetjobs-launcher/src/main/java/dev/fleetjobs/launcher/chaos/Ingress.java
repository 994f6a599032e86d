package dev.fleetjobs.launcher.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.launcher.stack.StackSettings;
import dev.fleetjobs.launcher.stack.StackShape;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The two front doors as upstream systems use them: {@code POST /api/jobs} and a plain
 * producer on {@code fleetjobs.requests}. A request that was not acknowledged (the
 * service is down, Kafka is restarting) is sent again with the same request id until it
 * is, as a client does; that is safe because the request id decides the jobId.
 */
final class Ingress implements AutoCloseable {

	private static final Duration GIVE_UP = Duration.ofMinutes(4);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<String> baseUrls = new ArrayList<>();

	private final String apiKey;

	private final KafkaProducer<String, byte[]> producer;

	private final Consumer<String> out;

	Ingress(StackSettings settings, Consumer<String> out) {
		// every instance of job-request-service: requests spread over them, and a request
		// not acknowledged goes to the next one
		for (int instance = 0; instance < settings.shape().instances(); instance++) {
			this.baseUrls.add("http://localhost:"
					+ (settings.ports().requestService() + instance * StackShape.INSTANCE_PORT_STEP));
		}
		this.apiKey = settings.apiKey();
		this.out = out;
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
		properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
		properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000");
		this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
	}

	Submission submit(PlannedJob job) {
		long deadline = System.nanoTime() + GIVE_UP.toNanos();
		int attempts = 0;
		while (true) {
			attempts++;
			try {
				return job.channel().equals("rest") ? rest(job, attempts) : kafka(job, attempts);
			}
			catch (RuntimeException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"Request " + job.requestId() + " not acknowledged within " + GIVE_UP, ex);
				}
				if (attempts == 1) {
					this.out.accept("  request " + job.requestId() + " not acknowledged yet (" + ex.getMessage()
							+ "); sending it again with the same request id");
				}
				Chaos.sleep(1000);
			}
		}
	}

	private Submission rest(PlannedJob job, int attempts) {
		String baseUrl = this.baseUrls
			.get(Math.floorMod(job.requestId().hashCode() + attempts - 1, this.baseUrls.size()));
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/jobs"))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/json")
			.header("X-API-Key", this.apiKey)
			.POST(HttpRequest.BodyPublishers.ofString(job.body()))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			int status = response.statusCode();
			// 503: Kafka did not ack; 5xx or a proxy's 404 while starting: not an answer.
			if (status >= 500) {
				throw new IllegalStateException("POST /api/jobs answered " + status);
			}
			return new Submission(job, status, response.body(), System.nanoTime(), attempts);
		}
		catch (IOException ex) {
			throw new IllegalStateException("POST /api/jobs failed: " + ex.getClass().getSimpleName(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Submission kafka(PlannedJob job, int attempts) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REQUESTS, job.requestId(),
				job.body().getBytes(StandardCharsets.UTF_8));
		try {
			this.producer.send(record).get(70, TimeUnit.SECONDS);
			return new Submission(job, 0, null, System.nanoTime(), attempts);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not ack: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
	}

}
