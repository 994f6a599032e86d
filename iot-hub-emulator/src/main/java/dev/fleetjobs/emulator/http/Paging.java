package dev.fleetjobs.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The hub's paging for queries and job lists: {@code x-ms-max-item-count} 1..10000
 * (default 100), an opaque {@code x-ms-continuation} token that encodes the offset and a
 * hash of the query, and no continuation header on the last page.
 */
final class Paging {

	static final int DEFAULT_PAGE_SIZE = 100;

	static final int MAX_PAGE_SIZE = 10_000;

	private Paging() {
	}

	/** One page of the results, with the continuation header when more follow. */
	static RestResponse page(RestRequest request, String queryKey, List<? extends JsonNode> results,
			Map<String, String> extraHeaders) {
		int pageSize = pageSize(request.header("x-ms-max-item-count"));
		int offset = offset(request.header("x-ms-continuation"), queryKey);
		ArrayNode page = Json.MAPPER.createArrayNode();
		int end = Math.min(results.size(), offset + pageSize);
		for (int i = Math.min(offset, end); i < end; i++) {
			page.add(results.get(i));
		}
		Map<String, String> headers = new HashMap<>(extraHeaders);
		if (end < results.size()) {
			headers.put("x-ms-continuation", token(end, queryKey));
		}
		return new RestResponse(200, page, headers);
	}

	/**
	 * One page of the documents that match, scanned from the position the continuation
	 * token holds (in {@code documents}, not in the results) up to the next match after
	 * the page, whose position the next token holds: a page costs its own documents,
	 * whatever comes after them.
	 */
	static RestResponse scan(RestRequest request, String queryKey, List<? extends JsonNode> documents,
			Predicate<JsonNode> matches, Map<String, String> extraHeaders) {
		int pageSize = pageSize(request.header("x-ms-max-item-count"));
		ArrayNode page = Json.MAPPER.createArrayNode();
		int position = offset(request.header("x-ms-continuation"), queryKey);
		Map<String, String> headers = new HashMap<>(extraHeaders);
		for (; position < documents.size(); position++) {
			JsonNode document = documents.get(position);
			if (matches.test(document)) {
				if (page.size() == pageSize) {
					headers.put("x-ms-continuation", token(position, queryKey));
					break;
				}
				page.add(document);
			}
		}
		return new RestResponse(200, page, headers);
	}

	static int pageSize(String header) {
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

	private static String token(int offset, String queryKey) {
		String raw = offset + ":" + Integer.toHexString(queryKey.hashCode());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private static int offset(String token, String queryKey) {
		if (token == null || token.isBlank()) {
			return 0;
		}
		try {
			String raw = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
			int colon = raw.indexOf(':');
			if (raw.substring(colon + 1).equals(Integer.toHexString(queryKey.hashCode()))) {
				return Integer.parseInt(raw.substring(0, colon));
			}
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			// reported below
		}
		throw IotHubErrors.argumentInvalid("The continuation token is not valid for this query.");
	}

}
