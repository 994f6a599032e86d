package dev.fleetjobs.emulator.twins;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.json.Json;
import dev.fleetjobs.emulator.registry.Device;
import dev.fleetjobs.emulator.registry.DeviceRegistry;
import dev.fleetjobs.emulator.registry.Etags;
import dev.fleetjobs.emulator.registry.RegistryListener;
import dev.fleetjobs.emulator.store.KeyedLocks;
import dev.fleetjobs.emulator.store.StoreMap;
import dev.fleetjobs.emulator.twins.TwinState.Section;
import dev.fleetjobs.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Device twins: tags, desired and reported properties with versions, metadata and etags.
 * Service patches merge (null deletes), replace swaps tags and desired, devices patch
 * reported. Desired changes go to the {@link DesiredPropertyListener}s.
 */
public final class TwinService implements RegistryListener {

	/** The hub's limits in bytes: desired and reported 32 KB each, tags 8 KB. */
	public static final int MAX_SECTION_BYTES = 32 * 1024;

	public static final int MAX_TAGS_BYTES = 8 * 1024;

	/** What a twin document built for matching only may hold. */
	private static final Set<String> LIGHT_PROPERTIES = Set.of("deviceid", "tags", "properties");

	private final Map<String, TwinState> twins = new ConcurrentHashMap<>();

	private final List<DesiredPropertyListener> listeners = new CopyOnWriteArrayList<>();

	private final KeyedLocks locks = new KeyedLocks(256);

	private final DeviceRegistry registry;

	private final StoreMap store;

	private final Clock clock;

	private final TwinDocuments documents;

	public TwinService(DeviceRegistry registry, StoreMap store, Clock clock) {
		this.registry = registry;
		this.store = store;
		this.clock = clock;
		this.documents = new TwinDocuments(registry);
		store.entries()
			.forEach((entry) -> this.twins.put(entry.getKey(), TwinState.read(entry.getKey(), entry.getValue())));
		for (Device device : registry.all()) {
			this.twins.computeIfAbsent(device.deviceId(), (id) -> TwinState.created(id, now()));
		}
		registry.addListener(this);
	}

	/**
	 * Checks the twin patch of an update-twin job, {@code {"tags":{..},
	 * "properties":{"desired":{..}}}}, by the rules a twin patch must follow.
	 */
	public static void checkJobPatch(ObjectNode patch) {
		TwinPatches.checkJobPatch(patch, MAX_TAGS_BYTES, MAX_SECTION_BYTES);
	}

	public void addDesiredListener(DesiredPropertyListener listener) {
		this.listeners.add(listener);
	}

	/** The twin as {@code GET /twins/{id}} returns it. */
	public ObjectNode get(String deviceId) {
		return this.documents.json(require(deviceId), true);
	}

	/**
	 * All twins in device id order, as {@code GET /twins/{id}} returns them. They share
	 * the twins' own nodes, so they are for reading only (queries).
	 */
	public Iterable<ObjectNode> documents() {
		return () -> states().map((state) -> this.documents.json(state, false)).iterator();
	}

	/** The twins of the registered devices, in device id order. */
	private Stream<TwinState> states() {
		return StreamSupport.stream(this.registry.all().spliterator(), false)
			.map((device) -> this.twins.get(device.deviceId()))
			.filter(Objects::nonNull);
	}

	/**
	 * The ids of the devices whose twin matches the query's WHERE clause, in device id
	 * order. When the clause reads only {@code deviceId}, {@code tags} and
	 * {@code properties}, each twin is matched on a document with just those, which
	 * spares building every twin in full (a job's start over a large fleet).
	 */
	public List<String> matchingIds(Query query) {
		Set<String> read = query.whereProperties();
		boolean light = LIGHT_PROPERTIES.containsAll(read);
		return states().filter((state) -> query.matches(light ? light(state, read) : this.documents.json(state, false)))
			.map(TwinState::deviceId)
			.toList();
	}

	private static ObjectNode light(TwinState state, Set<String> read) {
		ObjectNode document = Json.object();
		document.put("deviceId", state.deviceId());
		if (read.contains("tags")) {
			document.set("tags", state.tags());
		}
		if (read.contains("properties")) {
			document.set("properties", state.properties(false));
		}
		return document;
	}

	/**
	 * Merges tags and desired properties, as JSON merge patches: a null value removes a
	 * property, and {@code "tags": null} or {@code "properties": {"desired": null}}
	 * removes them all (a desired change even when there were none: its {@code $version}
	 * goes up and the device is told). Returns the twin after the update.
	 */
	public ObjectNode patch(String deviceId, JsonNode patch, String ifMatch) {
		return update(deviceId, patch, ifMatch, false);
	}

	/** Replaces tags and desired properties; returns the twin after the update. */
	public ObjectNode replace(String deviceId, JsonNode twin, String ifMatch) {
		return update(deviceId, twin, ifMatch, true);
	}

	/** A device's reported patch; returns the new reported {@code $version}. */
	public long updateReported(String deviceId, JsonNode patch) {
		ObjectNode reported = TwinPatches.section(patch, "reported properties");
		if (reported == null) {
			throw IotHubErrors.argumentInvalid("A reported-properties patch must be a JSON object.");
		}
		synchronized (this.locks.lock(deviceId)) {
			TwinState current = require(deviceId);
			Section next = merged(current.reported(), reported, null, "reported properties", MAX_SECTION_BYTES);
			save(new TwinState(deviceId, current.version() + 1, current.tags(), current.desired(), next));
			return next.version();
		}
	}

	/** The twin as a device GETs it: desired and reported with their versions. */
	public ObjectNode deviceView(String deviceId) {
		TwinState state = require(deviceId);
		ObjectNode view = Json.object();
		view.set("desired", state.desired().json(false, true));
		view.set("reported", state.reported().json(false, true));
		return view;
	}

	@Override
	public void deviceCreated(Device device) {
		TwinState state = TwinState.created(device.deviceId(), now());
		synchronized (this.locks.lock(device.deviceId())) {
			save(state);
		}
	}

	@Override
	public void deviceDeleted(String deviceId) {
		synchronized (this.locks.lock(deviceId)) {
			this.twins.remove(deviceId);
			this.store.remove(deviceId);
		}
	}

	private ObjectNode update(String deviceId, JsonNode body, String ifMatch, boolean replace) {
		if (!(body instanceof ObjectNode twin)) {
			throw IotHubErrors.argumentInvalid("The twin must be a JSON object.");
		}
		ObjectNode tags = TwinPatches.section(twin.get("tags"), "tags");
		JsonNode properties = twin.path("properties");
		ObjectNode desired = TwinPatches.section(properties.get("desired"), "desired properties");
		ObjectNode reported = TwinPatches.section(properties.get("reported"), "reported properties");
		if (reported != null && !reported.isEmpty()) {
			throw IotHubErrors.argumentInvalid("Reported properties can only be changed by the device.");
		}
		boolean clearsTags = !replace && TwinPatches.isNull(twin.get("tags"));
		boolean clearsDesired = !replace && TwinPatches.isNull(properties.get("desired"));
		synchronized (this.locks.lock(deviceId)) {
			TwinState current = require(deviceId);
			Etags.check(ifMatch, current.etag(), "the twin of device " + deviceId);
			ObjectNode newTags = (replace || clearsTags) ? orEmpty(tags) : mergedTags(current.tags(), tags);
			Section newDesired = current.desired();
			ObjectNode notification = null;
			if (replace && !orEmpty(desired).equals(current.desired().values())) {
				notification = TwinPatches.difference(current.desired().values(), orEmpty(desired));
				newDesired = replaced(current.desired(), orEmpty(desired));
			}
			else if (clearsDesired) {
				notification = TwinPatches.difference(current.desired().values(), Json.object());
				newDesired = merged(current.desired(), notification, current.desired().version() + 1,
						"desired properties", MAX_SECTION_BYTES);
			}
			else if (!replace && desired != null && !desired.isEmpty()) {
				notification = desired;
				newDesired = merged(current.desired(), desired, current.desired().version() + 1, "desired properties",
						MAX_SECTION_BYTES);
			}
			if (notification == null && newTags.equals(current.tags())) {
				return this.documents.json(current, true);
			}
			TwinState next = new TwinState(deviceId, current.version() + 1, newTags, newDesired, current.reported());
			save(next);
			if (notification != null) {
				notifyDesired(deviceId, notification, newDesired.version());
			}
			return this.documents.json(next, true);
		}
	}

	private void notifyDesired(String deviceId, ObjectNode change, long version) {
		ObjectNode patch = change.deepCopy();
		patch.put("$version", version);
		this.listeners.forEach((listener) -> listener.desiredChanged(deviceId, patch, version));
	}

	private ObjectNode mergedTags(ObjectNode current, ObjectNode patch) {
		if (patch == null || patch.isEmpty()) {
			return current;
		}
		ObjectNode tags = current.deepCopy();
		TwinPatches.merge(tags, Json.object(), patch, now(), null);
		checkSize(tags, "tags", MAX_TAGS_BYTES);
		return tags;
	}

	private Section merged(Section current, ObjectNode patch, Long version, String name, int limit) {
		ObjectNode values = current.values().deepCopy();
		ObjectNode metadata = current.metadata().deepCopy();
		long next = current.version() + 1;
		TwinPatches.merge(values, metadata, patch, now(), (version != null) ? next : null);
		checkSize(values, name, limit);
		return new Section(values, metadata, next);
	}

	private Section replaced(Section current, ObjectNode values) {
		checkSize(values, "desired properties", MAX_SECTION_BYTES);
		long next = current.version() + 1;
		return new Section(values, TwinPatches.metadataFor(values, now(), next), next);
	}

	private static void checkSize(ObjectNode values, String name, int limit) {
		TwinPatches.checkSize(values, name, limit);
	}

	private static ObjectNode orEmpty(ObjectNode node) {
		return (node != null) ? node : Json.object();
	}

	private TwinState require(String deviceId) {
		TwinState state = this.twins.get(deviceId);
		if (state == null) {
			throw IotHubErrors.deviceNotFound(deviceId);
		}
		return state;
	}

	private void save(TwinState state) {
		this.twins.put(state.deviceId(), state);
		this.store.put(state.deviceId(), state.write());
	}

	private String now() {
		return Json.time(this.clock.instant());
	}

}
