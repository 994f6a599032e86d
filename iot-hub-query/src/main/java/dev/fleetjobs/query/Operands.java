package dev.fleetjobs.query;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.fleetjobs.query.Token.Kind;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The operands of expressions: constants, property paths, function and aggregate calls,
 * parentheses, and the arrays of constants that {@code IN} and {@code NIN} take.
 */
final class Operands {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "GROUP", "BY", "AS", "AND", "OR",
			"NOT", "IN", "NIN", "TOP");

	/** Words that start or join clauses: a bare condition (the WHERE part) holds none. */
	static final Set<String> CLAUSES = Set.of("SELECT", "FROM", "WHERE", "GROUP", "BY", "ORDER", "TOP", "AS", "UNION",
			"JOIN", "HAVING", "LIMIT");

	private final Tokens tokens;

	private final Expressions expressions;

	private final boolean bareCondition;

	Operands(Tokens tokens, Expressions expressions, boolean bareCondition) {
		this.tokens = tokens;
		this.expressions = expressions;
		this.bareCondition = bareCondition;
	}

	Expr primary() {
		Token token = this.tokens.next();
		if (token.kind() == Kind.STRING) {
			return new Expr.Literal(JSON.stringNode(token.text()));
		}
		if (token.kind() == Kind.NUMBER) {
			return new Expr.Literal(Values.number(number(token)));
		}
		if (token.kind() == Kind.IDENTIFIER) {
			return identifier(token);
		}
		if (token.isSymbol("(")) {
			Expr inner = this.expressions.expression();
			this.tokens.expect(")");
			return inner;
		}
		if (token.isSymbol("[")) {
			throw QueryException.at(token.position(), "An array is only allowed after IN or NIN");
		}
		throw QueryException.at(token.position(), "Unexpected " + token.describe());
	}

	private Expr identifier(Token token) {
		String upper = token.upper();
		switch (upper) {
			case "TRUE", "FALSE":
				return new Expr.Literal(JSON.booleanNode("TRUE".equals(upper)));
			case "NULL":
				return new Expr.Literal(JSON.nullNode());
			case "UNDEFINED":
				return new Expr.Literal(null);
			default:
				break;
		}
		if (this.bareCondition && CLAUSES.contains(upper)) {
			throw notAllowed(token);
		}
		if (RESERVED.contains(upper)) {
			throw QueryException.at(token.position(), "Unexpected keyword " + upper + "; expected a value");
		}
		if (this.tokens.peek().isSymbol("(")) {
			return call(token, upper);
		}
		List<String> path = new ArrayList<>(List.of(token.text()));
		while (this.tokens.accept(".")) {
			path.add(this.tokens.identifier("a property name after '.'"));
		}
		return new Expr.Path(List.copyOf(path));
	}

	static QueryException notAllowed(Token token) {
		return QueryException.at(token.position(),
				"'" + token.text() + "' is not allowed: give only the condition (the WHERE part)");
	}

	private Expr call(Token name, String function) {
		this.tokens.expect("(");
		List<Expr> arguments = List.of();
		if (!this.tokens.accept(")")) {
			arguments = this.expressions.expressionList();
			this.tokens.expect(")");
		}
		if (Functions.AGGREGATES.contains(function)) {
			boolean count = "COUNT".equals(function);
			if ((count && !arguments.isEmpty()) || (!count && arguments.size() != 1)) {
				throw QueryException.at(name.position(),
						count ? "COUNT takes no arguments: COUNT()" : function + " takes one argument");
			}
			return new Expr.Aggregate(function, count ? null : arguments.get(0));
		}
		Functions.check(function, arguments, name.position());
		return new Expr.Call(function, arguments);
	}

	Expr array(Token operator) {
		if (!this.tokens.peek().isSymbol("[")) {
			throw QueryException.at(this.tokens.peek().position(),
					operator.upper() + " expects an array such as ['a', 'b'], found " + this.tokens.peek().describe());
		}
		this.tokens.next();
		List<Expr> items = new ArrayList<>();
		do {
			items.add(constant());
		}
		while (this.tokens.accept(","));
		Token close = this.tokens.next();
		if (!close.isSymbol("]")) {
			throw QueryException.at(close.position(), "Expected ',' or ']' in the array, found " + close.describe());
		}
		return new Expr.ArrayLiteral(List.copyOf(items));
	}

	private Expr constant() {
		Token token = this.tokens.next();
		boolean negative = token.isSymbol("-");
		if (negative) {
			token = this.tokens.next();
		}
		if (token.kind() == Kind.NUMBER) {
			return new Expr.Literal(Values.number(negative ? -number(token) : number(token)));
		}
		if (!negative && token.kind() == Kind.STRING) {
			return new Expr.Literal(JSON.stringNode(token.text()));
		}
		if (!negative && Set.of("TRUE", "FALSE", "NULL").contains(token.upper()) && token.kind() == Kind.IDENTIFIER) {
			return identifier(token);
		}
		throw QueryException.at(token.position(),
				"Unexpected " + token.describe() + "; an array holds only string, number, boolean or null constants");
	}

	private static double number(Token token) {
		String text = token.text().toLowerCase(Locale.ROOT);
		double value = text.startsWith("0x") ? new BigInteger(text.substring(2), 16).doubleValue()
				: Double.parseDouble(text);
		if (!Double.isFinite(value)) {
			throw QueryException.at(token.position(), "Number out of range: " + token.text());
		}
		return value;
	}

}
