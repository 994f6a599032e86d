package dev.fleetjobs.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the JSON Schemas from the classpath: as validators (networknt, with the schemas'
 * {@code $id} prefix mapped to the classpath) and as raw trees, with a small {@code $ref}
 * resolver for the structural comparison with the records.
 */
final class Schemas {

	static final String ID_PREFIX = "https://schemas.fleetjobs.dev/v1/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(builder) -> builder
				.schemaIdResolvers((resolvers) -> resolvers.mapPrefix(ID_PREFIX, "classpath:schemas/")));

	private final Map<String, JsonNode> files = new LinkedHashMap<>();

	/** The validator for one logical type name. */
	static Schema validator(String typeName) {
		return REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + typeName + ".schema.json"));
	}

	/** The raw tree of one schema file, e.g. {@code JobRequest.schema.json}. */
	JsonNode file(String name) {
		return this.files.computeIfAbsent(name, (key) -> {
			try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + key)) {
				if (in == null) {
					throw new IllegalStateException("No schema resource schemas/" + key);
				}
				return JSON.readTree(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * Follows {@code $ref} (relative file plus JSON pointer) until a schema without one.
	 * @return the schema and the file it lives in
	 */
	Located resolve(JsonNode node, String file) {
		JsonNode current = node;
		String currentFile = file;
		while (current.has("$ref")) {
			String ref = current.get("$ref").asString();
			int hash = ref.indexOf('#');
			String target = (hash == 0) ? currentFile : ref.substring(0, (hash < 0) ? ref.length() : hash);
			String pointer = (hash < 0) ? "" : ref.substring(hash + 1);
			currentFile = target;
			current = file(target).at(pointer);
			if (current.isMissingNode()) {
				throw new IllegalStateException("Unresolvable $ref " + ref + " in " + file);
			}
		}
		return new Located(current, currentFile);
	}

	/** A schema node and the file that holds it. */
	record Located(JsonNode node, String file) {
	}

}
