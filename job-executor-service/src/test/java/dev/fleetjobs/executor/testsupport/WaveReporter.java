package dev.fleetjobs.executor.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.query.QueryClient;
import com.microsoft.azure.sdk.iot.service.query.QueryPageOptions;
import com.microsoft.azure.sdk.iot.service.query.RawQueryResponse;
import dev.fleetjobs.contracts.Topics;
import dev.fleetjobs.contracts.TypeNames;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.contracts.progress.JobProgress;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.contracts.rollout.RolloutHeaders;
import dev.fleetjobs.contracts.rollout.RolloutPhase;
import dev.fleetjobs.contracts.rollout.RolloutProgress;
import dev.fleetjobs.contracts.rollout.RolloutTotals;
import dev.fleetjobs.contracts.rollout.TargetSelection;
import dev.fleetjobs.contracts.rollout.WaveProgress;
import dev.fleetjobs.contracts.rollout.WaveStarted;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * job-status-service's side of the rollout contract, for the executor's tests: it follows
 * the {@code WaveStarted} events of a rollout, polls each wave's hub job on the emulator
 * with the official service client until it ends, reads its device records with the
 * official query client, and publishes them as the rollout's device results (wave,
 * attempt, hub job id, the rollout header) followed by the rollout's progress marking the
 * wave's results complete, as the status service does. Only the contract is played; the
 * hub is the real emulator.
 */
public final class WaveReporter implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KafkaTopics kafka;

	private final String jobId;

	private final QueryClient queries;

	private final Set<String> reported = ConcurrentHashMap.newKeySet();

	private final Map<String, Integer> resultsByWave = new ConcurrentHashMap<>();

	private final Thread thread;

	private volatile boolean running = true;

	private volatile boolean paused;

	private long sequence;

	public WaveReporter(KafkaTopics kafka, String jobId) {
		this.kafka = kafka;
		this.jobId = jobId;
		this.queries = new QueryClient(TestHub.hub().serviceHostName(),
				new AzureSasCredential(TestHub.hub().sasToken("iothubowner", Duration.ofHours(2))));
		this.thread = new Thread(this::run, "wave-reporter-" + jobId);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Stops reporting (the status service is down) until {@link #resume}. */
	public void pause() {
		this.paused = true;
	}

	public void resume() {
		this.paused = false;
	}

	/** Device results published per wave hub job id. */
	public Map<String, Integer> resultsByWave() {
		return Map.copyOf(this.resultsByWave);
	}

	private void run() {
		while (this.running) {
			try {
				if (!this.paused) {
					for (WaveStarted wave : this.kafka.events(this.jobId, WaveStarted.class)) {
						if (!this.reported.contains(wave.hubJobId()) && ended(wave.hubJobId())) {
							report(wave);
							this.reported.add(wave.hubJobId());
						}
					}
				}
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				// the hub or Kafka hiccuped; next round
			}
		}
	}

	private static boolean ended(String hubJobId) {
		ScheduledJob job = TestHub.job(hubJobId);
		return job.getJobStatus() == ScheduledJobStatus.completed || job.getJobStatus() == ScheduledJobStatus.failed
				|| job.getJobStatus() == ScheduledJobStatus.cancelled;
	}

	private void report(WaveStarted wave) {
		List<DeviceResult> results = records(wave);
		for (DeviceResult result : results) {
			send(Topics.DEVICE_RESULTS, result);
		}
		int failed = (int) results.stream().filter((result) -> result.status() != DeviceJobStatus.COMPLETED).count();
		DeviceJobStatistics statistics = new DeviceJobStatistics(results.size(), failed, results.size() - failed, 0, 0);
		WaveProgress progress = new WaveProgress(wave.wave(), wave.attempt(), wave.hubJobId(), JobStatus.COMPLETED,
				statistics, true, results.size(), wave.startedAt(), Instant.now());
		send(Topics.PROGRESS,
				new JobProgress(this.jobId, ++this.sequence, null, wave.jobType(), JobStatus.RUNNING, statistics, null,
						null, null, null, false, 0, Map.of(), Instant.now(),
						new RolloutProgress(RolloutPhase.RUNNING, TargetSelection.SNAPSHOT, RolloutTotals.EMPTY, 0,
								wave.wave(), null, null, List.of(progress))));
		this.resultsByWave.put(wave.hubJobId(), results.size());
	}

	private List<DeviceResult> records(WaveStarted wave) {
		List<DeviceResult> results = new ArrayList<>();
		try {
			QueryPageOptions page = QueryPageOptions.builder().pageSize(1000).build();
			RawQueryResponse response = this.queries
				.queryRaw("SELECT * FROM devices.jobs WHERE devices.jobs.jobId = '" + wave.hubJobId() + "'", page);
			while (response.hasNext()) {
				JsonNode record = JSON.readTree(response.next(page));
				DeviceJobStatus status = DeviceJobStatus.fromHub(record.path("status").asString("unknown"));
				String code = record.path("error").path("code").asString(null);
				results
					.add(new DeviceResult(wave.hubJobId(), record.path("deviceId").asString(), wave.jobType(), status,
							null, null, code, null, null, null, null)
						.ofWave(this.jobId, wave.wave(), wave.attempt()));
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read the records of " + wave.hubJobId(), ex);
		}
		return results;
	}

	private void send(String topic, Object payload) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, this.jobId,
				JSON.writeValueAsBytes(payload));
		record.headers().add("__TypeId__", TypeNames.of(payload.getClass()).getBytes(StandardCharsets.UTF_8));
		record.headers().add(RolloutHeaders.ROLLOUT, "true".getBytes(StandardCharsets.UTF_8));
		this.kafka.sendRaw(record);
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

}
