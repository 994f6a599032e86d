package dev.fleetjobs.contracts;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Compares a record with its JSON Schema, recursively, and lists every difference: the
 * properties must be exactly the record components, a property is required exactly when
 * the schema does not allow null (and primitives never allow null), every object that
 * mirrors a record refuses unknown fields, and the JSON types match the Java types.
 */
final class SchemaDrift {

	private final Schemas schemas = new Schemas();

	private final List<String> problems = new ArrayList<>();

	/** Every difference between the record and the schema file, empty when in sync. */
	static List<String> between(Class<?> record, String schemaFile) {
		SchemaDrift drift = new SchemaDrift();
		JsonNode root = drift.schemas.file(schemaFile);
		drift.compareRecord(record, drift.schemas.resolve(root, schemaFile), record.getSimpleName());
		return drift.problems;
	}

	private void compareRecord(Class<?> record, Schemas.Located schema, String path) {
		JsonNode node = schema.node();
		if (!types(node).contains("object")) {
			this.problems.add(path + ": schema type is not object");
		}
		if (!node.path("additionalProperties").isBoolean() || node.path("additionalProperties").asBoolean()) {
			this.problems.add(path + ": additionalProperties must be false");
		}
		JsonNode properties = node.path("properties");
		Set<String> components = Arrays.stream(record.getRecordComponents())
			.map(RecordComponent::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> schemaProperties = new TreeSet<>(properties.propertyNames());
		if (!components.equals(schemaProperties)) {
			this.problems.add(path + ": record components " + components + " != schema properties " + schemaProperties);
		}
		if (!node.path("required").isArray()) {
			this.problems.add(path + ": no required array");
		}
		Set<String> required = new HashSet<>();
		node.path("required").forEach((name) -> required.add(name.asString()));
		for (RecordComponent component : record.getRecordComponents()) {
			JsonNode property = properties.get(component.getName());
			if (property == null) {
				continue;
			}
			String fieldPath = path + "." + component.getName();
			boolean nullable = isNullable(property, schema.file());
			if (component.getType().isPrimitive() && nullable) {
				this.problems.add(fieldPath + ": primitive but the schema allows null");
			}
			if (required.contains(component.getName()) == nullable) {
				this.problems.add(fieldPath + ": required must be declared exactly when null is not allowed (required="
						+ required.contains(component.getName()) + ", nullable=" + nullable + ")");
			}
			compareType(component.getGenericType(), nonNullBranch(property, schema.file()), fieldPath);
		}
	}

	private void compareType(Type type, Schemas.Located schema, String path) {
		Class<?> raw = (type instanceof ParameterizedType parameterized) ? (Class<?>) parameterized.getRawType()
				: (Class<?>) type;
		Set<String> types = types(schema.node());
		if (raw.isRecord()) {
			compareRecord(raw, schema, path);
		}
		else if (raw.isEnum()) {
			Set<String> constants = Arrays.stream(raw.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name())
				.collect(Collectors.toCollection(TreeSet::new));
			Set<String> values = new TreeSet<>();
			schema.node().path("enum").forEach((value) -> values.add(value.asString()));
			if (!constants.equals(values)) {
				this.problems.add(path + ": enum constants " + constants + " != schema enum " + values);
			}
		}
		else if (raw == Instant.class) {
			expect(types.contains("string") && "date-time".equals(schema.node().path("format").asString("")), path,
					"an Instant must be a date-time string");
		}
		else if (raw == String.class) {
			expect(types.contains("string"), path, "a String must be a string");
		}
		else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
			expect(types.contains("integer"), path, "an integral number must be an integer");
		}
		else if (raw == Double.class || raw == double.class) {
			expect(types.contains("number"), path, "a floating-point number must be a number");
		}
		else if (raw == Boolean.class || raw == boolean.class) {
			expect(types.contains("boolean"), path, "a boolean must be a boolean");
		}
		else if (List.class.isAssignableFrom(raw)) {
			expect(types.contains("array"), path, "a List must be an array");
		}
		else if (Map.class.isAssignableFrom(raw)) {
			expect(types.contains("object") && !schema.node().path("additionalProperties").isBoolean(), path,
					"a Map must be an open object");
		}
		else if (raw == Object.class) {
			expect(types.isEmpty(), path, "an Object may be any JSON value: no type constraint");
		}
		else {
			this.problems.add(path + ": no JSON mapping known for " + raw.getName());
		}
	}

	private void expect(boolean condition, String path, String message) {
		if (!condition) {
			this.problems.add(path + ": " + message);
		}
	}

	private boolean isNullable(JsonNode property, String file) {
		Schemas.Located located = this.schemas.resolve(property, file);
		JsonNode node = located.node();
		if (node.has("anyOf")) {
			for (JsonNode branch : node.get("anyOf")) {
				if (isNullable(branch, located.file())) {
					return true;
				}
			}
			return false;
		}
		if (!node.has("type") && !node.has("enum")) {
			return true;
		}
		return types(node).contains("null");
	}

	private Schemas.Located nonNullBranch(JsonNode property, String file) {
		Schemas.Located located = this.schemas.resolve(property, file);
		if (located.node().has("anyOf")) {
			for (JsonNode branch : located.node().get("anyOf")) {
				Schemas.Located candidate = this.schemas.resolve(branch, located.file());
				if (!types(candidate.node()).equals(Set.of("null"))) {
					return candidate;
				}
			}
		}
		return located;
	}

	private static Set<String> types(JsonNode node) {
		JsonNode type = node.path("type");
		Set<String> types = new HashSet<>();
		if (type.isString()) {
			types.add(type.asString());
		}
		type.forEach((value) -> types.add(value.asString()));
		return types;
	}

}
