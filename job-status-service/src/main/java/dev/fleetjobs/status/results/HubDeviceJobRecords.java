package dev.fleetjobs.status.results;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.fleetjobs.contracts.command.JobType;
import dev.fleetjobs.contracts.progress.DeviceResult;
import dev.fleetjobs.status.hub.HubCallException;
import dev.fleetjobs.status.hub.HubOperation;
import dev.fleetjobs.status.hub.HubQueries;
import dev.fleetjobs.status.hub.SdkPages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code SELECT * FROM devices.jobs WHERE devices.jobs.jobId = '<id>'} through
 * {@link HubQueries} (the service SDK's query call, each page read in one piece; the next
 * page is asked for while one is handed on). Raw JSON, not the 2.1.9 SDK's typed job
 * parser, which fails on method records that carry an outcome without
 * {@code cloudToDeviceMethod} (iot-hub-protocol.md §1.8), as a real hub writes them.
 */
@Component
class HubDeviceJobRecords implements DeviceJobRecords {

	private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS")
		.withZone(ZoneOffset.UTC);

	/** Device job statuses that end a device's part of a job, as the hub spells them. */
	private static final String FINAL_STATUSES = " AND devices.jobs.status IN ['completed', 'failed', 'cancelled', "
			+ "'canceled']";

	private final HubQueries hub;

	private final DeviceRecordParser parser;

	private final int pageSize;

	HubDeviceJobRecords(HubQueries hub, JsonMapper json, ResultsProperties properties) {
		this.hub = hub;
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

	/** Every device record of the job as it comes, one page in memory at a time. */
	@Override
	public void forEach(String jobId, JobType jobType, SdkPages.Gate gate, Consumer<DeviceResult> each)
			throws HubCallException {
		stream(jobId, jobType, "", gate, each);
	}

	private SdkPages.Read<DeviceResult> query(String jobId, JobType jobType, String condition, SdkPages.Gate gate)
			throws HubCallException {
		List<DeviceResult> items = new ArrayList<>();
		int firstPage = stream(jobId, jobType, condition, gate, items::add);
		return new SdkPages.Read<>(items, firstPage);
	}

	private int stream(String jobId, JobType jobType, String condition, SdkPages.Gate gate, Consumer<DeviceResult> each)
			throws HubCallException {
		if (!JOB_ID.matcher(jobId).matches()) {
			throw new IllegalArgumentException("Not a jobId: " + jobId);
		}
		String query = "SELECT * FROM devices.jobs WHERE devices.jobs.jobId = '" + jobId + "'" + condition;
		try {
			if (!gate.beforeNextPage()) {
				return 0;
			}
			HubQueries.Page page = fetch(query, null, this.hub.page(query, this.pageSize, null), gate);
			int firstPage = page.items().size();
			while (true) {
				String token = page.continuation();
				CompletableFuture<HubQueries.Page> next = (token != null && gate.beforeNextPage())
						? this.hub.page(query, this.pageSize, token) : null;
				for (JsonNode record : page.items()) {
					each.accept(this.parser.parse(record, jobId, jobType));
				}
				if (next == null) {
					return firstPage;
				}
				page = fetch(query, token, next, gate);
			}
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

	/** The page asked for, asked for again (same token) while the gate says so. */
	private HubQueries.Page fetch(String query, String token, CompletableFuture<HubQueries.Page> asked,
			SdkPages.Gate gate) throws Exception {
		CompletableFuture<HubQueries.Page> attempt = asked;
		while (true) {
			try {
				HubQueries.Page page = HubQueries.await(attempt);
				gate.pageReceived(true);
				return page;
			}
			catch (Exception ex) {
				if (!gate.retry(ex)) {
					throw ex;
				}
				attempt = this.hub.page(query, this.pageSize, token);
			}
		}
	}

}
