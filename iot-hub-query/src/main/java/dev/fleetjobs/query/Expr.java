package dev.fleetjobs.query;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * An expression of the query language. Evaluation yields a JSON value, or {@code null}
 * for "undefined" (a missing property, or an operation on the wrong types); a condition
 * holds only when it yields boolean {@code true}.
 */
sealed interface Expr {

	JsonNodeFactory JSON = JsonNodeFactory.instance;

	JsonNode eval(Document document);

	/** What the expression stands for, which decides where the grammar allows it. */
	enum Shape {

		/** A comparison, a logical combination or a boolean function: a condition. */
		PREDICATE,
		/** {@code true} or {@code false}: a condition or a value. */
		BOOLEAN,
		/** A property path: its type is known only when a document is read. */
		PATH,
		/** A string, number, null or undefined constant, an array, or arithmetic. */
		VALUE

	}

	/** Conditions by default; constants, paths and arithmetic say otherwise. */
	default Shape shape() {
		return Shape.PREDICATE;
	}

	/**
	 * A constant: string, number, boolean, null, or undefined ({@code value == null}).
	 */
	record Literal(JsonNode value) implements Expr {

		@Override
		public JsonNode eval(Document document) {
			return this.value;
		}

		@Override
		public Shape shape() {
			return (this.value != null && this.value.isBoolean()) ? Shape.BOOLEAN : Shape.VALUE;
		}

	}

	/** A dotted property path such as {@code tags.location.floor}. */
	record Path(List<String> segments) implements Expr {

		@Override
		public JsonNode eval(Document document) {
			return document.resolve(this.segments);
		}

		@Override
		public Shape shape() {
			return Shape.PATH;
		}

		String lastSegment() {
			return this.segments.get(this.segments.size() - 1);
		}

	}

	/** An array constant, e.g. {@code ['a', 'b']}. */
	record ArrayLiteral(List<Expr> items) implements Expr {

		@Override
		public JsonNode eval(Document document) {
			ArrayNode array = JSON.arrayNode();
			for (Expr item : this.items) {
				JsonNode value = item.eval(document);
				if (value != null) {
					array.add(value);
				}
			}
			return array;
		}

		@Override
		public Shape shape() {
			return Shape.VALUE;
		}

	}

	/** {@code NOT x} and unary minus. */
	record Unary(String operator, Expr operand) implements Expr {

		@Override
		public JsonNode eval(Document document) {
			JsonNode value = this.operand.eval(document);
			if (value == null) {
				return null;
			}
			if ("NOT".equals(this.operator)) {
				return value.isBoolean() ? JSON.booleanNode(!value.booleanValue()) : null;
			}
			return value.isNumber() ? JSON.numberNode(-value.doubleValue()) : null;
		}

		@Override
		public Shape shape() {
			return "NOT".equals(this.operator) ? Shape.PREDICATE : Shape.VALUE;
		}

	}

	/** {@code AND} and {@code OR}, with three-valued logic. */
	record Logical(String operator, Expr left, Expr right) implements Expr {

		@Override
		public JsonNode eval(Document document) {
			Boolean left = Values.bool(this.left.eval(document));
			boolean and = "AND".equals(this.operator);
			if (left != null && left != and) {
				return JSON.booleanNode(left);
			}
			Boolean right = Values.bool(this.right.eval(document));
			if (right != null && right != and) {
				return JSON.booleanNode(right);
			}
			return (left != null && right != null) ? JSON.booleanNode(and) : null;
		}

	}

	/** Comparisons ({@code = != <> < <= > >=}) and arithmetic ({@code + - * / %}). */
	record Binary(String operator, Expr left, Expr right) implements Expr {

		@Override
		public JsonNode eval(Document document) {
			return Values.apply(this.operator, this.left.eval(document), this.right.eval(document));
		}

		@Override
		public Shape shape() {
			return Values.isComparison(this.operator) ? Shape.PREDICATE : Shape.VALUE;
		}

	}

	/** {@code x IN [..]} and {@code x NIN [..]}. */
	record Membership(Expr value, Expr array, boolean negated) implements Expr {

		@Override
		public JsonNode eval(Document document) {
			JsonNode value = this.value.eval(document);
			JsonNode array = this.array.eval(document);
			if (value == null || array == null || !array.isArray() || value.isContainer()) {
				return null;
			}
			boolean found = false;
			for (JsonNode item : array) {
				found |= Boolean.TRUE.equals(Values.equal(value, item));
			}
			return JSON.booleanNode(found != this.negated);
		}

	}

	/** A scalar function call such as {@code IS_DEFINED(tags.x)}. */
	record Call(String function, List<Expr> arguments) implements Expr {

		@Override
		public JsonNode eval(Document document) {
			return Functions.call(this.function,
					this.arguments.stream().map((argument) -> argument.eval(document)).toList());
		}

	}

	/** An aggregate ({@code COUNT() SUM AVG MIN MAX}); only valid as a SELECT item. */
	record Aggregate(String function, Expr argument) implements Expr {

		@Override
		public JsonNode eval(Document document) {
			throw new QueryException("Aggregate " + this.function + "() is only allowed in the SELECT clause");
		}

		@Override
		public Shape shape() {
			return Shape.VALUE;
		}

	}

}
