package dev.fleetjobs.status.results;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.azure.sdk.iot.service.query.QueryClient;
import com.microsoft.azure.sdk.iot.service.query.QueryPageOptions;
import com.microsoft.azure.sdk.iot.service.query.RawQueryResponse;
import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.status.hub.HubCallException;
import dev.fleetjobs.status.hub.HubOperation;
import dev.fleetjobs.status.hub.SdkPages;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code SELECT * FROM devices.jobs WHERE devices.jobs.jobId = '<id>'} through the
 * official {@link QueryClient#queryRaw}: raw JSON, because the 2.1.9 SDK's typed job
 * parser fails on method records that carry an outcome without
 * {@code cloudToDeviceMethod} (iot-hub-protocol.md §1.8), as a real hub writes them.
 */
@Component
class SdkDeviceJobRecords implements DeviceJobRecords {

	private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private final QueryClient client;

	private final DeviceRecordParser parser;

	private final int pageSize;

	SdkDeviceJobRecords(QueryClient client, JsonMapper json, ResultsProperties properties) {
		this.client = client;
		this.parser = new DeviceRecordParser(json);
		this.pageSize = properties.pageSize();
	}

	@Override
	public List<DeviceResult> of(String jobId, JobType jobType, SdkPages.Gate gate) throws HubCallException {
		if (!JOB_ID.matcher(jobId).matches()) {
			throw new IllegalArgumentException("Not a jobId: " + jobId);
		}
		String query = "SELECT * FROM devices.jobs WHERE devices.jobs.jobId = '" + jobId + "'";
		try {
			if (!gate.beforeNextPage()) {
				return List.of();
			}
			RawQueryResponse response = firstPage(query, gate);
			gate.pageReceived(true);
			QueryPageOptions next = QueryPageOptions.builder().pageSize(this.pageSize).build();
			List<String> records = SdkPages.readAll(
					SdkPages.Cursor.of(response::hasNext, () -> response.next(next), response::getContinuationToken),
					this.pageSize, gate);
			return records.stream().map((record) -> this.parser.parse(record, jobId, jobType)).toList();
		}
		catch (HubCallException ex) {
			throw ex;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw HubCallException.of(HubOperation.DEVICE_JOBS_QUERY, ex);
		}
	}

	private RawQueryResponse firstPage(String query, SdkPages.Gate gate) throws Exception {
		while (true) {
			try {
				return this.client.queryRaw(query, QueryPageOptions.builder().pageSize(this.pageSize).build());
			}
			catch (Exception ex) {
				if (!gate.retry(ex)) {
					throw ex;
				}
			}
		}
	}

}
