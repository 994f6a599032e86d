package dev.fleetjobs.status.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.fleetjobs.contracts.progress.DeviceJobStatus;
import dev.fleetjobs.contracts.progress.DeviceResult;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * The view's device results, in an H2 MVStore file with a small page cache: a job of a
 * million devices costs disk, not heap. Keyed by jobId and device id (so one job's
 * results are one range, in device id order); each value starts with the status and the
 * attempt, so filters and rollout attempts are decided without parsing the result. The
 * file is the view's scratch space: deleted at start and on close, since the view is read
 * again from the topics at every start.
 */
final class DeviceResultStore implements AutoCloseable {

	/** Between jobId and device id; device ids and jobIds never contain it. */
	private static final char SEPARATOR = '\u0001';

	private static final String FILE_PREFIX = "view-device-results-";

	private final MVStore store;

	private final MVMap<String, String> results;

	private final JsonMapper json;

	private final Path file;

	private DeviceResultStore(MVStore store, Path file, JsonMapper json) {
		this.store = store;
		this.file = file;
		this.results = store.openMap("device-results");
		this.json = json;
	}

	/**
	 * A store in a new file in {@code directory} (this instance's own: files a killed
	 * predecessor left there are deleted first), or in the temporary folder when null.
	 */
	static DeviceResultStore onDisk(Path directory, JsonMapper json) {
		try {
			Path dir = (directory != null) ? Files.createDirectories(directory) : null;
			if (dir != null) {
				try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, FILE_PREFIX + "*.mv")) {
					for (Path file : stale) {
						Files.deleteIfExists(file);
					}
				}
			}
			Path file = (dir != null) ? Files.createTempFile(dir, FILE_PREFIX, ".mv")
					: Files.createTempFile("fleetjobs-view-device-results-", ".mv");
			Files.delete(file);
			MVStore store = new MVStore.Builder().fileName(file.toString())
				.cacheSize(16)
				.autoCommitBufferSize(4096)
				.compress()
				.open();
			return new DeviceResultStore(store, file, json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the view's device result file", ex);
		}
	}

	/** A store on the heap, for tests. */
	static DeviceResultStore inMemory(JsonMapper json) {
		return new DeviceResultStore(new MVStore.Builder().open(), null, json);
	}

	/**
	 * Stores a result unless the store holds a later attempt of the same device.
	 * @return whether it was stored, and the status of the result it replaced (null when
	 * the device had none)
	 */
	Stored put(DeviceResult result) {
		String key = key(result.jobId(), result.deviceId());
		String previous = this.results.put(key, encode(result));
		if (previous != null && attempt(previous) > attempt(result)) {
			this.results.put(key, previous);
			return new Stored(false, status(previous));
		}
		return new Stored(true, (previous != null) ? status(previous) : null);
	}

	/** What {@link #put} did. */
	record Stored(boolean stored, DeviceJobStatus replaced) {
	}

	/**
	 * One page of a job's results in device id order, of one status when given: skips
	 * {@code skip} matches, then takes up to {@code size}.
	 */
	List<DeviceResult> page(String jobId, DeviceJobStatus status, long skip, int size) {
		List<DeviceResult> page = new ArrayList<>();
		String prefix = jobId + SEPARATOR;
		String statusPrefix = (status != null) ? status.name() + '|' : null;
		long skipped = 0;
		Iterator<String> keys = this.results.keyIterator(prefix);
		while (keys.hasNext() && page.size() < size) {
			String key = keys.next();
			if (!key.startsWith(prefix)) {
				break;
			}
			String value = this.results.get(key);
			if (statusPrefix != null && !value.startsWith(statusPrefix)) {
				continue;
			}
			if (skipped++ >= skip) {
				page.add(decode(value));
			}
		}
		return page;
	}

	/** Drops every result of a job. */
	void removeJob(String jobId) {
		String prefix = jobId + SEPARATOR;
		List<String> batch = new ArrayList<>();
		do {
			batch.clear();
			Iterator<String> keys = this.results.keyIterator(prefix);
			while (keys.hasNext() && batch.size() < 10_000) {
				String key = keys.next();
				if (!key.startsWith(prefix)) {
					break;
				}
				batch.add(key);
			}
			batch.forEach(this.results::remove);
		}
		while (!batch.isEmpty());
	}

	@Override
	public void close() {
		this.store.closeImmediately();
		if (this.file != null) {
			try {
				Files.deleteIfExists(this.file);
			}
			catch (IOException ex) {
				// a scratch file in a temporary folder
			}
		}
	}

	private static String key(String jobId, String deviceId) {
		return jobId + SEPARATOR + deviceId;
	}

	private String encode(DeviceResult result) {
		return result.status().name() + '|' + attempt(result) + '|' + this.json.writeValueAsString(result);
	}

	private DeviceResult decode(String value) {
		int json = value.indexOf('|', value.indexOf('|') + 1) + 1;
		return this.json.readValue(value.substring(json), DeviceResult.class);
	}

	private static DeviceJobStatus status(String value) {
		return DeviceJobStatus.valueOf(value.substring(0, value.indexOf('|')));
	}

	private static int attempt(String value) {
		int first = value.indexOf('|') + 1;
		return Integer.parseInt(value.substring(first, value.indexOf('|', first)));
	}

	private static int attempt(DeviceResult result) {
		return (result.attempt() != null) ? result.attempt() : 1;
	}

}
