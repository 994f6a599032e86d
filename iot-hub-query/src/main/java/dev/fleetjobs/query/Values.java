package dev.fleetjobs.query;

import java.util.Set;
import java.util.function.IntPredicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Comparison and arithmetic between JSON values; {@code null} stands for undefined. */
final class Values {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private static final Set<String> COMPARISONS = Set.of("=", "!=", "<>", "<", "<=", ">", ">=");

	private Values() {
	}

	/** Whether the operator compares ({@code = != <> < <= > >=}) rather than computes. */
	static boolean isComparison(String operator) {
		return COMPARISONS.contains(operator);
	}

	static Boolean bool(JsonNode value) {
		return (value != null && value.isBoolean()) ? value.booleanValue() : null;
	}

	static JsonNode apply(String operator, JsonNode left, JsonNode right) {
		if (left == null || right == null) {
			return null;
		}
		return switch (operator) {
			case "=" -> bool(equal(left, right));
			case "!=", "<>" -> bool(negate(equal(left, right)));
			case "<" -> ordered(left, right, (c) -> c < 0);
			case "<=" -> ordered(left, right, (c) -> c <= 0);
			case ">" -> ordered(left, right, (c) -> c > 0);
			case ">=" -> ordered(left, right, (c) -> c >= 0);
			default -> arithmetic(operator, left, right);
		};
	}

	/**
	 * Equality between primitives: numbers by value, strings, booleans; {@code null}
	 * equals only {@code null}. Objects, arrays and mixed primitive types are undefined.
	 */
	static Boolean equal(JsonNode left, JsonNode right) {
		if (left.isNull() || right.isNull()) {
			return left.isNull() && right.isNull();
		}
		if (left.isContainer() || right.isContainer()) {
			return null;
		}
		if (left.isNumber() && right.isNumber()) {
			return Double.compare(left.doubleValue(), right.doubleValue()) == 0;
		}
		if (left.isString() && right.isString()) {
			return left.stringValue().equals(right.stringValue());
		}
		if (left.isBoolean() && right.isBoolean()) {
			return left.booleanValue() == right.booleanValue();
		}
		return null;
	}

	private static JsonNode ordered(JsonNode left, JsonNode right, IntPredicate test) {
		Integer comparison = compare(left, right);
		return (comparison != null) ? JSON.booleanNode(test.test(comparison)) : null;
	}

	/** Ordering between two numbers or two strings; undefined otherwise. */
	static Integer compare(JsonNode left, JsonNode right) {
		if (left.isNumber() && right.isNumber()) {
			return Double.compare(left.doubleValue(), right.doubleValue());
		}
		if (left.isString() && right.isString()) {
			return left.stringValue().compareTo(right.stringValue());
		}
		return null;
	}

	private static JsonNode arithmetic(String operator, JsonNode left, JsonNode right) {
		if (!left.isNumber() || !right.isNumber()) {
			return null;
		}
		double a = left.doubleValue();
		double b = right.doubleValue();
		double result = switch (operator) {
			case "+" -> a + b;
			case "-" -> a - b;
			case "*" -> a * b;
			case "/" -> (b != 0) ? a / b : Double.NaN;
			case "%" -> (b != 0) ? a % b : Double.NaN;
			default -> throw new QueryException("Unknown operator '" + operator + "'");
		};
		return Double.isFinite(result) ? number(result) : null;
	}

	/** A number node, integral when the value is a whole number. */
	static JsonNode number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 9.0E15) {
			return JSON.numberNode((long) value);
		}
		return JSON.numberNode(value);
	}

	private static JsonNode bool(Boolean value) {
		return (value != null) ? JSON.booleanNode(value) : null;
	}

	private static Boolean negate(Boolean value) {
		return (value != null) ? !value : null;
	}

}
