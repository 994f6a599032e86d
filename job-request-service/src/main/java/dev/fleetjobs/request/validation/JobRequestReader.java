package dev.fleetjobs.request.validation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.fleetjobs.contracts.request.JobRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.stereotype.Component;

/**
 * Reads a job request from raw bytes, strictly and identically for REST bodies and Kafka
 * records: a size limit, no unknown fields, no duplicate keys, no type coercion, nothing
 * after the object. Every failure names the field when there is one.
 */
@Component
public class JobRequestReader {

	private final JsonMapper strict;

	private final int maxBytes;

	public JobRequestReader(JsonMapper json, ValidationProperties properties) {
		this.strict = json.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
					DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
					// trailing content is checked below, to report it as unparseable
					DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			// an enum is one of its names, never its index
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Textual,
					(strings) -> strings.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.build();
		this.maxBytes = properties.maxRequestBytes();
	}

	/**
	 * The request in the bytes.
	 * @throws InvalidJobRequestException {@code TOO_LARGE}, {@code UNPARSEABLE},
	 * {@code UNKNOWN_FIELD} or {@code WRONG_TYPE}
	 */
	public JobRequest read(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw refused(null, Violation.UNPARSEABLE, "the request is empty; send a JSON object");
		}
		if (bytes.length > this.maxBytes) {
			throw refused(null, Violation.TOO_LARGE,
					"the request is " + bytes.length + " bytes, more than the limit of " + this.maxBytes);
		}
		try {
			JobRequest request;
			try (JsonParser parser = this.strict.createParser(bytes)) {
				request = this.strict.readValue(parser, JobRequest.class);
				if (parser.nextToken() != null) {
					throw refused(null, Violation.UNPARSEABLE, "not valid JSON: more content after the request object");
				}
			}
			if (request == null) {
				throw refused(null, Violation.UNPARSEABLE, "the request is null; send a JSON object");
			}
			return request;
		}
		catch (UnrecognizedPropertyException ex) {
			throw refused(path(ex.getPath()), Violation.UNKNOWN_FIELD, "unknown field '" + ex.getPropertyName() + "'");
		}
		catch (MismatchedInputException ex) {
			String field = path(ex.getPath());
			throw refused(field, Violation.WRONG_TYPE,
					(field == null) ? "the request must be a JSON object" : "expected " + expected(ex.getTargetType()));
		}
		catch (InputCoercionException ex) {
			String field = path(ex.getPath());
			throw refused(field, (field != null) ? Violation.WRONG_TYPE : Violation.UNPARSEABLE,
					"out of range: " + ex.getOriginalMessage());
		}
		catch (StreamReadException ex) {
			throw refused(null, Violation.UNPARSEABLE, "not valid JSON: " + ex.getOriginalMessage());
		}
		catch (JacksonException ex) {
			String field = path(ex.getPath());
			throw refused(field, (field != null) ? Violation.WRONG_TYPE : Violation.UNPARSEABLE,
					"cannot read the value: " + ex.getOriginalMessage());
		}
	}

	private static InvalidJobRequestException refused(String field, String code, String message) {
		return new InvalidJobRequestException(new Violation(field, code, message));
	}

	/** {@code action.directMethod.methodName} or {@code target.deviceIds[2]}. */
	static String path(List<JacksonException.Reference> references) {
		if (references == null || references.isEmpty()) {
			return null;
		}
		String path = references.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? "." + reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining());
		return path.startsWith(".") ? path.substring(1) : path;
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "another type";
		}
		if (type == String.class) {
			return "a string";
		}
		if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
			return "an integer";
		}
		if (type == Double.class || type == double.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type.isEnum()) {
			return "one of "
					+ Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
		}
		if (type == java.time.Instant.class) {
			return "an ISO-8601 instant such as 2026-11-26T22:00:00Z";
		}
		if (List.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		return "an object";
	}

}
