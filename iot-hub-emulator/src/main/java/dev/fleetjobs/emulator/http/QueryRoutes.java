package dev.fleetjobs.emulator.http;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import dev.fleetjobs.emulator.auth.Permission;
import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.http.Router.Operation;
import dev.fleetjobs.emulator.json.Json;
import dev.fleetjobs.query.Query;
import dev.fleetjobs.query.QuerySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /devices/query}: runs the query over the source's documents and pages the
 * result (see {@link Paging}; order stable by device id). Queries run on their own
 * executor, off the event loops, because a big fleet takes a while to scan; results of a
 * versioned source (device job records) are cached for the following pages.
 */
final class QueryRoutes {

	private static final Logger log = LoggerFactory.getLogger(QueryRoutes.class);

	private final Map<QuerySource, Supplier<Iterable<? extends JsonNode>>> sources = new EnumMap<>(QuerySource.class);

	private final Map<QuerySource, LongSupplier> versions = new EnumMap<>(QuerySource.class);

	private final Map<QuerySource, Narrowing> narrowings = new EnumMap<>(QuerySource.class);

	private final QueryCache cache = new QueryCache();

	private final Executor executor;

	QueryRoutes(Supplier<Iterable<? extends JsonNode>> twins, Executor executor) {
		this.executor = executor;
		this.sources.put(QuerySource.DEVICES, twins);
		this.sources.put(QuerySource.DEVICES_MODULES, List::of);
		this.sources.put(QuerySource.DEVICES_JOBS, List::of);
	}

	/** Sets where the documents of a source come from (e.g. device job records). */
	void source(QuerySource source, Supplier<Iterable<? extends JsonNode>> documents) {
		this.sources.put(source, documents);
		this.versions.remove(source);
	}

	/**
	 * Sets a source whose version changes whenever its documents do; its results are
	 * cached for the following pages.
	 */
	void source(QuerySource source, Supplier<Iterable<? extends JsonNode>> documents, LongSupplier version) {
		this.sources.put(source, documents);
		this.versions.put(source, version);
	}

	/**
	 * Narrows a source for queries that pin one of its top-level properties (e.g.
	 * {@code devices.jobs.jobId = 'j1'}): they run over {@code narrowed.apply(value)}
	 * instead of every document. The query still filters, so the narrowed documents only
	 * need to include every match.
	 */
	void narrowing(QuerySource source, String property, Function<String, Iterable<? extends JsonNode>> narrowed) {
		this.narrowings.put(source, new Narrowing(property, narrowed));
	}

	void register(Router router) {
		router.add("POST", "/devices/query", Permission.SERVICE_CONNECT, Operation.reads("devices.query"), this::query);
	}

	private CompletionStage<RestResponse> query(RestRequest request) {
		String sql = Json.string(request.jsonObject(), "query");
		if (sql == null || sql.isBlank()) {
			throw IotHubErrors.argumentNull("The request body needs a 'query' string.");
		}
		Query query = parse(sql);
		return CompletableFuture.supplyAsync(() -> {
			long started = System.nanoTime();
			if (query.isFilterOnly() && narrowed(query).orElse(null) instanceof List<? extends JsonNode> documents) {
				// e.g. one job's device records: the page is the next matches after the
				// position the continuation token holds, the rest is not evaluated
				return Paging.scan(request, sql, documents, query::matches, Map.of("x-ms-item-type", itemType(query)));
			}
			List<JsonNode> results = results(query, sql, request);
			RestResponse page = Paging.page(request, sql, results, Map.of("x-ms-item-type", itemType(query)));
			if (log.isDebugEnabled()) {
				log.debug("Query of {} result(s) in {} ms: {}", results.size(),
						(System.nanoTime() - started) / 1_000_000, sql);
			}
			return page;
		}, this.executor);
	}

	/** The query's results; cached for the next pages when there are more pages. */
	private List<JsonNode> results(Query query, String sql, RestRequest request) {
		LongSupplier version = this.versions.get(query.source());
		if (version == null) {
			return query.execute(documents(query));
		}
		long current = version.getAsLong();
		List<JsonNode> cached = this.cache.get(sql, current);
		if (cached == null) {
			cached = query.execute(documents(query));
			if (cached.size() > Paging.pageSize(request.header("x-ms-max-item-count"))) {
				this.cache.put(sql, current, cached);
			}
		}
		return cached;
	}

	private Iterable<? extends JsonNode> documents(Query query) {
		return narrowed(query).orElseGet(() -> this.sources.get(query.source()).get());
	}

	/** The narrowed documents, when the query pins the narrowing property. */
	private Optional<Iterable<? extends JsonNode>> narrowed(Query query) {
		Narrowing narrowing = this.narrowings.get(query.source());
		Optional<String> pinned = (narrowing != null) ? query.requiredString(narrowing.property()) : Optional.empty();
		return pinned.map((value) -> narrowing.documents().apply(value));
	}

	private static Query parse(String sql) {
		try {
			return Query.parse(sql);
		}
		catch (IllegalArgumentException ex) {
			throw IotHubErrors.badQuery(ex.getMessage());
		}
		catch (RuntimeException ex) {
			throw IotHubErrors.badQuery("The query could not be parsed.");
		}
	}

	private static String itemType(Query query) {
		return switch (query.source()) {
			case DEVICES -> query.isSelectAll() ? "Twin" : "Raw";
			case DEVICES_MODULES -> "Twin";
			case DEVICES_JOBS -> "DeviceJob";
		};
	}

	private record Narrowing(String property, Function<String, Iterable<? extends JsonNode>> documents) {
	}

}
