package dev.fleetjobs.emulator.query;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The scalar functions of twin and job queries. */
final class Functions {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	/** Function name to its number of arguments (-1: one or more). */
	private static final Map<String, Integer> ARITY = Map.ofEntries(Map.entry("IS_DEFINED", 1), Map.entry("IS_NULL", 1),
			Map.entry("IS_BOOL", 1), Map.entry("IS_NUMBER", 1), Map.entry("IS_STRING", 1), Map.entry("IS_OBJECT", 1),
			Map.entry("IS_ARRAY", 1), Map.entry("IS_PRIMITIVE", 1), Map.entry("STARTSWITH", 2),
			Map.entry("ENDSWITH", 2), Map.entry("CONTAINS", 2), Map.entry("LOWER", 1), Map.entry("UPPER", 1),
			Map.entry("LENGTH", 1), Map.entry("CONCAT", -1), Map.entry("ABS", 1), Map.entry("FLOOR", 1),
			Map.entry("CEILING", 1));

	static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX");

	private Functions() {
	}

	/**
	 * Checks a call at parse time, so that a bad function name is a 400, not a wrong
	 * answer.
	 */
	static void check(String name, int argumentCount, int position) {
		Integer arity = ARITY.get(name);
		if (arity == null) {
			String hint = name.contains("_") && ARITY.containsKey(name.replace("_", ""))
					? "; use " + name.replace("_", "") + " (the underscore form is for message routing)" : "";
			throw QueryException.at(position, "Unknown function '" + name + "'" + hint);
		}
		if ((arity >= 0 && argumentCount != arity) || (arity < 0 && argumentCount == 0)) {
			throw QueryException.at(position, "Function " + name + " takes "
					+ ((arity < 0) ? "one or more arguments" : arity + " argument" + ((arity == 1) ? "" : "s")));
		}
	}

	static JsonNode call(String name, List<JsonNode> args) {
		JsonNode first = args.get(0);
		return switch (name) {
			case "IS_DEFINED" -> JSON.booleanNode(first != null);
			case "IS_NULL" -> JSON.booleanNode(first != null && first.isNull());
			case "IS_BOOL" -> JSON.booleanNode(first != null && first.isBoolean());
			case "IS_NUMBER" -> JSON.booleanNode(first != null && first.isNumber());
			case "IS_STRING" -> JSON.booleanNode(first != null && first.isString());
			case "IS_OBJECT" -> JSON.booleanNode(first != null && first.isObject());
			case "IS_ARRAY" -> JSON.booleanNode(first != null && first.isArray());
			case "IS_PRIMITIVE" -> JSON.booleanNode(first != null && !first.isContainer());
			case "STARTSWITH", "ENDSWITH", "CONTAINS" -> stringTest(name, first, args.get(1));
			case "LOWER", "UPPER" ->
				isString(first) ? JSON.stringNode("LOWER".equals(name) ? first.stringValue().toLowerCase(Locale.ROOT)
						: first.stringValue().toUpperCase(Locale.ROOT)) : null;
			case "LENGTH" -> isString(first) ? JSON.numberNode(first.stringValue().length()) : null;
			case "CONCAT" -> concat(args);
			case "ABS", "FLOOR", "CEILING" -> math(name, first);
			default -> throw new QueryException("Unknown function '" + name + "'");
		};
	}

	private static JsonNode stringTest(String name, JsonNode value, JsonNode operand) {
		if (!isString(value) || !isString(operand)) {
			return null;
		}
		String text = value.stringValue();
		String part = operand.stringValue();
		return JSON.booleanNode(switch (name) {
			case "STARTSWITH" -> text.startsWith(part);
			case "ENDSWITH" -> text.endsWith(part);
			default -> text.contains(part);
		});
	}

	private static JsonNode concat(List<JsonNode> args) {
		StringBuilder result = new StringBuilder();
		for (JsonNode arg : args) {
			if (!isString(arg)) {
				return null;
			}
			result.append(arg.stringValue());
		}
		return JSON.stringNode(result.toString());
	}

	private static JsonNode math(String name, JsonNode value) {
		if (value == null || !value.isNumber()) {
			return null;
		}
		double number = value.doubleValue();
		return Values.number(switch (name) {
			case "ABS" -> Math.abs(number);
			case "FLOOR" -> Math.floor(number);
			default -> Math.ceil(number);
		});
	}

	private static boolean isString(JsonNode value) {
		return value != null && value.isString();
	}

}
