package dev.fleetjobs.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import dev.fleetjobs.emulator.auth.Permission;
import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.json.Json;
import dev.fleetjobs.emulator.query.Query;
import dev.fleetjobs.emulator.query.QuerySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code POST /devices/query}: runs the query over the source's documents and pages the
 * result (x-ms-max-item-count 1..10000, default 100; an opaque continuation token; no
 * continuation header on the last page; order stable by device id).
 */
final class QueryRoutes {

	static final int DEFAULT_PAGE_SIZE = 100;

	static final int MAX_PAGE_SIZE = 10_000;

	private final Map<QuerySource, Supplier<Iterable<? extends JsonNode>>> sources = new EnumMap<>(QuerySource.class);

	QueryRoutes(Supplier<Iterable<? extends JsonNode>> twins) {
		this.sources.put(QuerySource.DEVICES, twins);
		this.sources.put(QuerySource.DEVICES_MODULES, List::of);
		this.sources.put(QuerySource.DEVICES_JOBS, List::of);
	}

	/** Sets where the documents of a source come from (e.g. device job records). */
	void source(QuerySource source, Supplier<Iterable<? extends JsonNode>> documents) {
		this.sources.put(source, documents);
	}

	void register(Router router) {
		router.add("POST", "/devices/query", Permission.SERVICE_CONNECT, this::query);
	}

	private CompletionStage<RestResponse> query(RestRequest request) {
		String sql = Json.string(request.jsonObject(), "query");
		if (sql == null || sql.isBlank()) {
			throw IotHubErrors.argumentNull("The request body needs a 'query' string.");
		}
		Query query = parse(sql);
		int pageSize = pageSize(request.header("x-ms-max-item-count"));
		int offset = offset(request.header("x-ms-continuation"), sql);
		List<JsonNode> results = query.execute(this.sources.get(query.source()).get());
		ArrayNode page = Json.MAPPER.createArrayNode();
		int end = Math.min(results.size(), offset + pageSize);
		for (int i = Math.min(offset, end); i < end; i++) {
			page.add(results.get(i));
		}
		Map<String, String> headers = (end < results.size())
				? Map.of("x-ms-continuation", token(end, sql), "x-ms-item-type", itemType(query))
				: Map.of("x-ms-item-type", itemType(query));
		return java.util.concurrent.CompletableFuture.completedFuture(new RestResponse(200, page, headers));
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

	private static int pageSize(String header) {
		if (header == null || header.isBlank()) {
			return DEFAULT_PAGE_SIZE;
		}
		try {
			int size = Integer.parseInt(header.trim());
			if (size >= 1 && size <= MAX_PAGE_SIZE) {
				return size;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw IotHubErrors.argumentInvalid("x-ms-max-item-count must be a number from 1 to " + MAX_PAGE_SIZE + ".");
	}

	private static String token(int offset, String sql) {
		String raw = offset + ":" + Integer.toHexString(sql.hashCode());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private static int offset(String token, String sql) {
		if (token == null || token.isBlank()) {
			return 0;
		}
		try {
			String raw = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
			int colon = raw.indexOf(':');
			if (raw.substring(colon + 1).equals(Integer.toHexString(sql.hashCode()))) {
				return Integer.parseInt(raw.substring(0, colon));
			}
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			// reported below
		}
		throw IotHubErrors.argumentInvalid("The continuation token is not valid for this query.");
	}

	private static String itemType(Query query) {
		return switch (query.source()) {
			case DEVICES -> query.isSelectAll() ? "Twin" : "Raw";
			case DEVICES_MODULES -> "Twin";
			case DEVICES_JOBS -> "DeviceJob";
		};
	}

}
