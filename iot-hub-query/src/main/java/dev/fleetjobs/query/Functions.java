package dev.fleetjobs.query;

import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The scalar functions of twin and job queries: {@code IS_DEFINED(path)},
 * {@code STARTSWITH(x, y)} and {@code ENDSWITH(x, y)}. The hub knows no others there; the
 * underscore forms ({@code STARTS_WITH}) and the rest belong to message routing.
 */
final class Functions {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	/** Function name to its number of arguments. */
	private static final Map<String, Integer> ARITY = Map.of("IS_DEFINED", 1, "STARTSWITH", 2, "ENDSWITH", 2);

	static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX");

	private Functions() {
	}

	/**
	 * Checks a call at parse time, so that a bad function name is a 400, not a wrong
	 * answer.
	 */
	static void check(String name, List<Expr> arguments, int position) {
		Integer arity = ARITY.get(name);
		if (arity == null) {
			String hint = (name.contains("_") && ARITY.containsKey(name.replace("_", "")))
					? "; use " + name.replace("_", "") + " (the underscore form is for message routing)"
					: "; twin and job queries know IS_DEFINED, STARTSWITH and ENDSWITH";
			throw QueryException.at(position, "Unknown function '" + name + "'" + hint);
		}
		if (arguments.size() != arity) {
			throw QueryException.at(position, "Function " + name + " takes " + arity + " argument"
					+ ((arity == 1) ? "" : "s") + ", found " + arguments.size());
		}
		if ("IS_DEFINED".equals(name) && !(arguments.get(0) instanceof Expr.Path)) {
			throw QueryException.at(position, "IS_DEFINED takes a property path, e.g. IS_DEFINED(tags.floor)");
		}
		if (arguments.stream().anyMatch((argument) -> argument.shape() == Expr.Shape.PREDICATE)) {
			throw QueryException.at(position, "Function " + name + " takes values, not conditions");
		}
	}

	static JsonNode call(String name, List<JsonNode> args) {
		JsonNode first = args.get(0);
		return switch (name) {
			case "IS_DEFINED" -> JSON.booleanNode(first != null);
			case "STARTSWITH", "ENDSWITH" -> startsOrEndsWith(name, first, args.get(1));
			default -> throw new QueryException("Unknown function '" + name + "'");
		};
	}

	private static JsonNode startsOrEndsWith(String name, JsonNode value, JsonNode operand) {
		if (!isString(value) || !isString(operand)) {
			return null;
		}
		String text = value.stringValue();
		String part = operand.stringValue();
		return JSON.booleanNode("STARTSWITH".equals(name) ? text.startsWith(part) : text.endsWith(part));
	}

	private static boolean isString(JsonNode value) {
		return value != null && value.isString();
	}

}
