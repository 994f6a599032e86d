package dev.fleetjobs.status.results;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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

	private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS")
		.withZone(ZoneOffset.UTC);

	/** Device job statuses that end a device's part of a job, as the hub spells them. */
	private static final String FINAL_STATUSES = " AND devices.jobs.status IN ['completed', 'failed', 'cancelled', "
			+ "'canceled']";

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
		return query(jobId, jobType, "", gate).items();
	}

	/**
	 * Adds
	 * {@code AND devices.jobs.lastUpdatedDateTimeUtc >= '<since, to the millisecond>'}:
	 * the hub compares the text, and a bound without a zone sorts before every record
	 * time of the same instant or later, whatever digits the hub writes after it.
	 */
	@Override
	public List<DeviceResult> updatedSince(String jobId, JobType jobType, Instant since, SdkPages.Gate gate)
			throws HubCallException {
		return query(jobId, jobType, since(since), gate).items();
	}

	/**
	 * Adds {@code AND devices.jobs.status IN ['completed', 'failed', 'cancelled', ...]}
	 * to the query, and the bound on {@code lastUpdatedDateTimeUtc} of
	 * {@link #updatedSince} when {@code since} is given.
	 */
	@Override
	public Finals finalsSince(String jobId, JobType jobType, Instant since, SdkPages.Gate gate)
			throws HubCallException {
		SdkPages.Read<DeviceResult> read = query(jobId, jobType, ((since != null) ? since(since) : "") + FINAL_STATUSES,
				gate);
		return new Finals(read.items(), Finals.newest(read.firstPageItems()));
	}

	private static String since(Instant since) {
		return " AND devices.jobs.lastUpdatedDateTimeUtc >= '" + SINCE.format(since.truncatedTo(ChronoUnit.MILLIS))
				+ "'";
	}

	private SdkPages.Read<DeviceResult> query(String jobId, JobType jobType, String condition, SdkPages.Gate gate)
			throws HubCallException {
		if (!JOB_ID.matcher(jobId).matches()) {
			throw new IllegalArgumentException("Not a jobId: " + jobId);
		}
		String query = "SELECT * FROM devices.jobs WHERE devices.jobs.jobId = '" + jobId + "'" + condition;
		try {
			if (!gate.beforeNextPage()) {
				return new SdkPages.Read<>(List.of(), 0);
			}
			RawQueryResponse response = firstPage(query, gate);
			gate.pageReceived(true);
			QueryPageOptions next = QueryPageOptions.builder().pageSize(this.pageSize).build();
			SdkPages.Read<String> records = SdkPages.read(
					SdkPages.Cursor.of(response::hasNext, () -> response.next(next), response::getContinuationToken),
					this.pageSize, gate);
			return new SdkPages.Read<>(
					records.items().stream().map((record) -> this.parser.parse(record, jobId, jobType)).toList(),
					records.firstPage());
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
