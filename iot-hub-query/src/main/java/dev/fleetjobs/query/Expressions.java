package dev.fleetjobs.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.fleetjobs.query.Expr.Shape;
import dev.fleetjobs.query.Token.Kind;

/**
 * The expression grammar, by precedence: {@code OR}, {@code AND}, {@code NOT},
 * comparisons and {@code IN}/{@code NIN}, {@code + -}, {@code * / %}, unary minus, then
 * the {@link Operands}. It checks shapes as it goes: {@code AND}, {@code OR} and
 * {@code NOT} join conditions, comparisons compare values, arithmetic takes numbers, and
 * {@code IN}/{@code NIN} take an array of constants.
 */
final class Expressions {

	private final Tokens tokens;

	private final Operands operands;

	Expressions(Tokens tokens, boolean bareCondition) {
		this.tokens = tokens;
		this.operands = new Operands(tokens, this, bareCondition);
	}

	/** A condition: an expression that can be true or false. */
	Expr condition() {
		Token start = this.tokens.peek();
		Expr condition = expression();
		if (condition.shape() == Shape.VALUE) {
			throw QueryException.at(start.position(),
					"The condition must be true or false, e.g. deviceId = 'door-1', not a value");
		}
		return condition;
	}

	List<Expr> expressionList() {
		List<Expr> expressions = new ArrayList<>();
		do {
			expressions.add(expression());
		}
		while (this.tokens.accept(","));
		return expressions;
	}

	Expr expression() {
		return this.tokens.nested(() -> logical("OR", () -> logical("AND", this::not)));
	}

	/**
	 * {@code operand (word operand)*}, left-associative; both sides must be conditions.
	 */
	private Expr logical(String word, Supplier<Expr> operand) {
		Expr left = operand.get();
		while (this.tokens.peek().isKeyword(word)) {
			Token operator = this.tokens.next();
			left = new Expr.Logical(word, condition(left, operator), condition(operand.get(), operator));
		}
		return left;
	}

	private Expr not() {
		if (!this.tokens.peek().isKeyword("NOT")) {
			return comparison();
		}
		Token operator = this.tokens.next();
		return this.tokens.nested(() -> new Expr.Unary("NOT", condition(not(), operator)));
	}

	private Expr comparison() {
		Expr left = additive();
		Token operator = this.tokens.peek();
		if (operator.kind() == Kind.SYMBOL && Values.isComparison(operator.text())) {
			this.tokens.next();
			return new Expr.Binary(operator.text(), value(left, operator), value(additive(), operator));
		}
		if (operator.isKeyword("IN") || operator.isKeyword("NIN")) {
			this.tokens.next();
			return new Expr.Membership(value(left, operator), this.operands.array(operator), operator.isKeyword("NIN"));
		}
		if (operator.isKeyword("NOT") && this.tokens.peek(1).isKeyword("IN")) {
			throw QueryException.at(operator.position(), "Unexpected 'NOT'; use NIN for 'not in'");
		}
		return left;
	}

	private Expr additive() {
		Expr left = multiplicative();
		while (this.tokens.peek().isSymbol("+") || this.tokens.peek().isSymbol("-")) {
			Token operator = this.tokens.next();
			left = new Expr.Binary(operator.text(), number(left, operator), number(multiplicative(), operator));
		}
		return left;
	}

	private Expr multiplicative() {
		Expr left = unary();
		while (this.tokens.peek().isSymbol("*") || this.tokens.peek().isSymbol("/")
				|| this.tokens.peek().isSymbol("%")) {
			Token operator = this.tokens.next();
			left = new Expr.Binary(operator.text(), number(left, operator), number(unary(), operator));
		}
		return left;
	}

	private Expr unary() {
		if (!this.tokens.peek().isSymbol("-")) {
			return this.operands.primary();
		}
		Token operator = this.tokens.next();
		return this.tokens.nested(() -> new Expr.Unary("-", number(unary(), operator)));
	}

	private static Expr condition(Expr operand, Token operator) {
		if (operand.shape() == Shape.VALUE) {
			throw QueryException.at(operator.position(),
					"'" + operator.upper() + "' needs a condition on each side, not a value");
		}
		return operand;
	}

	private static Expr value(Expr operand, Token operator) {
		if (operand.shape() == Shape.PREDICATE) {
			throw QueryException.at(operator.position(), "'" + operator.text() + "' compares values, not conditions");
		}
		return operand;
	}

	private static Expr number(Expr operand, Token operator) {
		if (operand.shape() == Shape.PREDICATE || operand.shape() == Shape.BOOLEAN) {
			throw QueryException.at(operator.position(), "'" + operator.text() + "' needs numbers, not conditions");
		}
		return operand;
	}

}
