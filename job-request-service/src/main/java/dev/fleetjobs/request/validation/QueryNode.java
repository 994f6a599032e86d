package dev.fleetjobs.request.validation;

import java.util.List;

/** The syntax tree of a query condition, just enough to check it and to test it. */
sealed interface QueryNode {

	/** What a node can stand for, which decides where it may appear. */
	enum Shape {

		/** A comparison, a logical combination or a boolean function: a condition. */
		PREDICATE,
		/** {@code true} or {@code false}: a condition or a value. */
		BOOLEAN,
		/** A property path: its type is only known on the hub. */
		PATH,
		/** A string, number, null or undefined literal, or arithmetic. */
		VALUE

	}

	/** Conditions by default; literals, paths and arithmetic say otherwise. */
	default Shape shape() {
		return Shape.PREDICATE;
	}

	/** The whole fleet: the hub's {@code *} condition. */
	QueryNode ALL = new Literal(Boolean.TRUE, Shape.BOOLEAN);

	/** A literal; numbers keep their source text. */
	record Literal(Object value, Shape shape) implements QueryNode {
	}

	record Path(String path) implements QueryNode {
		@Override
		public Shape shape() {
			return Shape.PATH;
		}
	}

	record Comparison(String operator, QueryNode left, QueryNode right) implements QueryNode {
	}

	record Membership(QueryNode operand, boolean negated, List<Literal> values) implements QueryNode {
	}

	record Logical(String operator, QueryNode left, QueryNode right) implements QueryNode {
	}

	record Not(QueryNode operand) implements QueryNode {
	}

	record Call(String function, List<QueryNode> arguments) implements QueryNode {
	}

	record Arithmetic(String operator, QueryNode left, QueryNode right) implements QueryNode {
		@Override
		public Shape shape() {
			return Shape.VALUE;
		}
	}

}
