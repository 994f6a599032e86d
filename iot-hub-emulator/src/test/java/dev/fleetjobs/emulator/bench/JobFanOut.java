package dev.fleetjobs.emulator.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import dev.fleetjobs.emulator.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The same fan-out as a scheduled job: one {@code PUT /jobs/v2/{id}} for a lockDoor job
 * on every device, then {@code GET} until it is completed. The time is the job's own:
 * from its {@code startTime} until its {@code endTime}, when the last device record is
 * final. The statistics, and every device record (one query page, read after the
 * measurement), must be exact.
 */
final class JobFanOut implements FanOutBenchmark.FanOut {

	private static final AtomicInteger JOBS = new AtomicInteger();

	private final HttpClient http;

	private final String base;

	private final String token;

	private String lastJobId;

	private int lastDevices;

	JobFanOut(SSLContext trust, int httpsPort, String token) {
		this.http = HttpClient.newBuilder().sslContext(trust).version(HttpClient.Version.HTTP_1_1).build();
		this.base = "https://localhost:" + httpsPort;
		this.token = token;
	}

	@Override
	public Round.Result run(List<String> deviceIds) throws InterruptedException {
		String jobId = "bench-job-" + JOBS.incrementAndGet() + "-" + System.currentTimeMillis();
		try {
			String body = "{\"jobId\":\"" + jobId + "\",\"type\":\"scheduleDeviceMethod\",\"cloudToDeviceMethod\":"
					+ "{\"methodName\":\"lockDoor\",\"payload\":{\"lockTime\":\"10m\"},\"responseTimeoutInSeconds\":60,"
					+ "\"connectTimeoutInSeconds\":0},\"queryCondition\":\"*\",\"startTime\":\"" + Instant.now()
					+ "\",\"maxExecutionTimeInSeconds\":600}";
			send("PUT", "/jobs/v2/" + jobId, body);
			JsonNode job;
			do {
				Thread.sleep(25);
				job = Json.read(send("GET", "/jobs/v2/" + jobId, null));
			}
			while (!job.get("status").asString().equals("completed"));
			this.lastJobId = jobId;
			this.lastDevices = deviceIds.size();
			return result(job, deviceIds.size(), jobId);
		}
		catch (InterruptedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("The job fan-out failed", ex);
		}
	}

	private Round.Result result(JsonNode job, int devices, String jobId) {
		JsonNode statistics = job.get("deviceJobStatistics");
		int succeeded = statistics.get("succeededCount").asInt();
		if (statistics.get("deviceCount").asInt() != devices || succeeded != devices) {
			throw new IllegalStateException("Inexact statistics: " + statistics);
		}
		double seconds = Duration
			.between(Instant.parse(job.get("startTime").asString()), Instant.parse(job.get("endTime").asString()))
			.toNanos() / 1e9;
		double withQuery = Duration
			.between(Instant.parse(job.get("createdTime").asString()), Instant.parse(job.get("endTime").asString()))
			.toNanos() / 1e9;
		System.out.printf("    job %s: start to last record %.3f s (create to last record %.3f s)%n", jobId, seconds,
				withQuery);
		return new Round.Result(seconds, devices / seconds, 0, 0, 0);
	}

	/**
	 * Reads every device record of the last job (one query page) and checks that each is
	 * completed; prints the devices' own latency (record start to end).
	 */
	@Override
	public void verifyLast() {
		try {
			JsonNode records = Json.read(send("POST", "/devices/query",
					"{\"query\":\"SELECT * FROM devices.jobs WHERE devices.jobs.jobId = '" + this.lastJobId + "'\"}"));
			long[] latencies = new long[records.size()];
			int completed = 0;
			for (int i = 0; i < records.size(); i++) {
				JsonNode record = records.get(i);
				completed += "completed".equals(record.get("status").asString()) ? 1 : 0;
				latencies[i] = Duration
					.between(Instant.parse(record.get("startTimeUtc").asString()),
							Instant.parse(record.get("endTimeUtc").asString()))
					.toNanos();
			}
			if (records.size() != this.lastDevices || completed != this.lastDevices) {
				throw new IllegalStateException("Inexact records: " + records.size() + " records, " + completed
						+ " completed, for " + this.lastDevices + " devices");
			}
			Arrays.sort(latencies);
			System.out.printf("    %d records, all completed; device latency p50 %.1f ms, p99 %.1f ms%n",
					records.size(), percentile(latencies, 0.5), percentile(latencies, 0.99));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Verifying job " + this.lastJobId + " failed", ex);
		}
	}

	private String send(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path + "?api-version=2021-04-12"))
			.header("Authorization", this.token)
			.header("Content-Type", "application/json; charset=utf-8")
			.header("x-ms-max-item-count", "10000")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					method + " " + path + " -> " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static double percentile(long[] sorted, double p) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

}
