package dev.fleetjobs.query;

/** What a query reads: device twins, module twins or device job records. */
public enum QuerySource {

	DEVICES("devices"), DEVICES_MODULES("devices.modules"), DEVICES_JOBS("devices.jobs");

	private final String collection;

	private final String[] segments;

	QuerySource(String collection) {
		this.collection = collection;
		this.segments = collection.split("\\.");
	}

	/**
	 * The collection name's dot-separated segments, e.g. {@code devices}, {@code jobs}.
	 */
	String[] segments() {
		return this.segments;
	}

	/** The collection name as written after FROM, e.g. {@code devices.jobs}. */
	public String collection() {
		return this.collection;
	}

	static QuerySource of(String name, int position) {
		for (QuerySource source : values()) {
			if (source.collection.equalsIgnoreCase(name)) {
				return source;
			}
		}
		throw QueryException.at(position,
				"Unknown collection '" + name + "'; expected devices, devices.modules or devices.jobs");
	}

}
