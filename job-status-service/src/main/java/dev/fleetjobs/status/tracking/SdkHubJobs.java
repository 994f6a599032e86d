package dev.fleetjobs.status.tracking;

import java.util.Date;
import java.util.List;

import com.microsoft.azure.sdk.iot.service.jobs.JobStatistics;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobType;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import com.microsoft.azure.sdk.iot.service.query.JobQueryResponse;
import com.microsoft.azure.sdk.iot.service.query.QueryPageOptions;
import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceJobStatistics;
import dev.fleetjobs.contracts.progress.JobStatus;
import dev.fleetjobs.status.hub.HubCallException;
import dev.fleetjobs.status.hub.HubOperation;
import dev.fleetjobs.status.hub.SdkPages;
import dev.fleetjobs.status.metrics.StatusMetrics;

import org.springframework.stereotype.Component;

/**
 * The hub's job state through the official {@link ScheduledJobsClient}:
 * {@code query(null, running)} for the running jobs (first page only) and {@code get}.
 */
@Component
class SdkHubJobs implements HubJobs {

	private final ScheduledJobsClient client;

	private final StatusMetrics metrics;

	private final int pageSize;

	SdkHubJobs(ScheduledJobsClient client, StatusMetrics metrics, TrackingProperties properties) {
		this.client = client;
		this.metrics = metrics;
		this.pageSize = properties.listPageSize();
	}

	@Override
	public List<HubJobState> running() throws HubCallException {
		HubOperation operation = HubOperation.JOBS_QUERY;
		try {
			JobQueryResponse response = this.client.query(null, ScheduledJobStatus.running,
					QueryPageOptions.builder().pageSize(this.pageSize).build());
			List<ScheduledJob> jobs = SdkPages.readAll(
					SdkPages.Cursor.of(response::hasNext, response::next, response::getContinuationToken),
					this.pageSize, new SdkPages.Gate() {
						@Override
						public boolean beforeNextPage() {
							return false;
						}

						@Override
						public void pageReceived(boolean paid) {
							SdkHubJobs.this.metrics.hubCall(operation.tag(), "success");
						}
					});
			this.metrics.hubCall(operation.tag(), "success");
			return jobs.stream().map(SdkHubJobs::state).toList();
		}
		catch (Exception ex) {
			throw failed(operation, ex);
		}
	}

	@Override
	public HubJobState get(String jobId) throws HubCallException {
		try {
			HubJobState state = state(this.client.get(jobId));
			this.metrics.hubCall(HubOperation.JOBS_GET.tag(), "success");
			return state;
		}
		catch (Exception ex) {
			throw failed(HubOperation.JOBS_GET, ex);
		}
	}

	private HubCallException failed(HubOperation operation, Exception ex) {
		HubCallException failure = (ex instanceof HubCallException hub) ? hub : HubCallException.of(operation, ex);
		this.metrics.hubCall(operation.tag(), failure.kind().tag());
		return failure;
	}

	static HubJobState state(ScheduledJob job) {
		JobStatistics hub = job.getJobStatistics();
		DeviceJobStatistics statistics = (hub != null) ? new DeviceJobStatistics(hub.getDeviceCount(),
				hub.getFailedCount(), hub.getSucceededCount(), hub.getRunningCount(), hub.getPendingCount()) : null;
		String failure = (job.getFailureReason() != null) ? job.getFailureReason() : null;
		return new HubJobState(job.getJobId(), type(job.getJobType()), JobStatus.fromHub(job.getJobStatus().name()),
				statistics, instant(job.getCreatedTime()), instant(job.getStartTime()), instant(job.getEndTime()),
				failure);
	}

	private static JobType type(ScheduledJobType type) {
		return (type == null || type == ScheduledJobType.unknown) ? null : JobType.fromHubName(type.name());
	}

	private static java.time.Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
