package dev.fleetjobs.emulator.query;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.fleetjobs.emulator.query.Token.Kind;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A recursive-descent parser for IoT Hub's query language:
 * {@code SELECT [TOP n] <* | expr [AS alias], ...> FROM <collection> [WHERE cond] [GROUP BY expr, ...]}.
 */
final class Parser {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private static final int MAX_DEPTH = 64;

	private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "GROUP", "BY", "AS", "AND", "OR",
			"NOT", "IN", "NIN", "TOP");

	private final List<Token> tokens;

	private int index;

	private int depth;

	private Parser(String text) {
		this.tokens = Lexer.tokenize(text);
	}

	static Query parse(String text) {
		return new Parser(text).query();
	}

	private Query query() {
		expectKeyword("SELECT");
		Integer top = null;
		if (peek().isKeyword("TOP")) {
			next();
			top = topCount();
		}
		List<Query.SelectItem> items = selectList();
		expectKeyword("FROM");
		QuerySource source = collection();
		Expr where = null;
		if (peek().isKeyword("WHERE")) {
			next();
			where = expression();
		}
		List<Expr> groupBy = List.of();
		if (peek().isKeyword("GROUP")) {
			next();
			expectKeyword("BY");
			groupBy = expressionList();
		}
		if (peek().kind() != Kind.END) {
			throw QueryException.at(peek().position(), "Unexpected " + peek().describe());
		}
		return new Query(source, items, where, groupBy, top);
	}

	private int topCount() {
		Token count = next();
		if (count.kind() != Kind.NUMBER || !count.text().chars().allMatch(Character::isDigit)) {
			throw QueryException.at(count.position(), "TOP expects a whole number, found " + count.describe());
		}
		return Integer.parseInt(count.text().length() > 9 ? "999999999" : count.text());
	}

	private List<Query.SelectItem> selectList() {
		if (peek().isSymbol("*")) {
			next();
			return null;
		}
		List<Query.SelectItem> items = new ArrayList<>();
		do {
			Expr expression = expression();
			String alias = null;
			if (peek().isKeyword("AS")) {
				next();
				alias = identifier("an alias after AS");
			}
			items.add(new Query.SelectItem(expression, alias));
		}
		while (accept(","));
		return items;
	}

	private QuerySource collection() {
		int position = peek().position();
		StringBuilder name = new StringBuilder(identifier("a collection after FROM"));
		while (accept(".")) {
			name.append('.').append(identifier("a collection name after '.'"));
		}
		return QuerySource.of(name.toString(), position);
	}

	private List<Expr> expressionList() {
		List<Expr> expressions = new ArrayList<>();
		do {
			expressions.add(expression());
		}
		while (accept(","));
		return expressions;
	}

	private Expr expression() {
		if (++this.depth > MAX_DEPTH) {
			throw QueryException.at(peek().position(), "Query nests too deeply");
		}
		try {
			Expr left = and();
			while (peek().isKeyword("OR")) {
				next();
				left = new Expr.Logical("OR", left, and());
			}
			return left;
		}
		finally {
			this.depth--;
		}
	}

	private Expr and() {
		Expr left = not();
		while (peek().isKeyword("AND")) {
			next();
			left = new Expr.Logical("AND", left, not());
		}
		return left;
	}

	private Expr not() {
		if (peek().isKeyword("NOT")) {
			next();
			if (++this.depth > MAX_DEPTH) {
				throw QueryException.at(peek().position(), "Query nests too deeply");
			}
			try {
				return new Expr.Unary("NOT", not());
			}
			finally {
				this.depth--;
			}
		}
		return comparison();
	}

	private Expr comparison() {
		Expr left = additive();
		Token operator = peek();
		if (operator.kind() == Kind.SYMBOL && Set.of("=", "!=", "<>", "<", "<=", ">", ">=").contains(operator.text())) {
			next();
			return new Expr.Binary(operator.text(), left, additive());
		}
		if (operator.isKeyword("IN") || operator.isKeyword("NIN")) {
			next();
			if (!peek().isSymbol("[")) {
				throw QueryException.at(peek().position(),
						operator.upper() + " expects an array such as ['a', 'b'], found " + peek().describe());
			}
			return new Expr.Membership(left, primary(), operator.isKeyword("NIN"));
		}
		return left;
	}

	private Expr additive() {
		Expr left = multiplicative();
		while (peek().isSymbol("+") || peek().isSymbol("-")) {
			left = new Expr.Binary(next().text(), left, multiplicative());
		}
		return left;
	}

	private Expr multiplicative() {
		Expr left = unary();
		while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%")) {
			left = new Expr.Binary(next().text(), left, unary());
		}
		return left;
	}

	private Expr unary() {
		if (accept("-")) {
			if (++this.depth > MAX_DEPTH) {
				throw QueryException.at(peek().position(), "Query nests too deeply");
			}
			try {
				return new Expr.Unary("-", unary());
			}
			finally {
				this.depth--;
			}
		}
		return primary();
	}

	private Expr primary() {
		Token token = next();
		switch (token.kind()) {
			case STRING:
				return new Expr.Literal(JSON.stringNode(token.text()));
			case NUMBER:
				return new Expr.Literal(number(token));
			case SYMBOL:
				return symbolPrimary(token);
			case IDENTIFIER:
				return identifierPrimary(token);
			default:
				throw QueryException.at(token.position(), "Unexpected " + token.describe());
		}
	}

	private Expr symbolPrimary(Token token) {
		if (token.isSymbol("(")) {
			Expr inner = expression();
			expect(")");
			return inner;
		}
		if (token.isSymbol("[")) {
			List<Expr> items = new ArrayList<>();
			if (!accept("]")) {
				items = expressionList();
				expect("]");
			}
			return new Expr.ArrayLiteral(items);
		}
		throw QueryException.at(token.position(), "Unexpected " + token.describe());
	}

	private Expr identifierPrimary(Token token) {
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
		if (RESERVED.contains(upper)) {
			throw QueryException.at(token.position(), "Unexpected keyword " + upper);
		}
		if (peek().isSymbol("(")) {
			return call(token, upper);
		}
		List<String> path = new ArrayList<>(List.of(token.text()));
		while (accept(".")) {
			path.add(identifier("a property name after '.'"));
		}
		return new Expr.Path(List.copyOf(path));
	}

	private Expr call(Token name, String function) {
		expect("(");
		List<Expr> arguments = accept(")") ? List.of() : closeArguments(expressionList());
		if (Functions.AGGREGATES.contains(function)) {
			boolean count = "COUNT".equals(function);
			if ((count && !arguments.isEmpty()) || (!count && arguments.size() != 1)) {
				throw QueryException.at(name.position(),
						count ? "COUNT takes no arguments: COUNT()" : function + " takes one argument");
			}
			return new Expr.Aggregate(function, count ? null : arguments.get(0));
		}
		Functions.check(function, arguments.size(), name.position());
		return new Expr.Call(function, arguments);
	}

	private List<Expr> closeArguments(List<Expr> arguments) {
		expect(")");
		return arguments;
	}

	private tools.jackson.databind.JsonNode number(Token token) {
		String text = token.text().toLowerCase(Locale.ROOT);
		if (text.startsWith("0x")) {
			return Values.number(new BigInteger(text.substring(2), 16).doubleValue());
		}
		double value = Double.parseDouble(text);
		if (!Double.isFinite(value)) {
			throw QueryException.at(token.position(), "Number out of range: " + token.text());
		}
		return Values.number(value);
	}

	private String identifier(String what) {
		Token token = next();
		if (token.kind() != Kind.IDENTIFIER) {
			throw QueryException.at(token.position(), "Expected " + what + ", found " + token.describe());
		}
		return token.text();
	}

	private void expectKeyword(String keyword) {
		Token token = next();
		if (!token.isKeyword(keyword)) {
			throw QueryException.at(token.position(), "Expected " + keyword + ", found " + token.describe());
		}
	}

	private void expect(String symbol) {
		Token token = next();
		if (!token.isSymbol(symbol)) {
			throw QueryException.at(token.position(), "Expected '" + symbol + "', found " + token.describe());
		}
	}

	private boolean accept(String symbol) {
		if (peek().isSymbol(symbol)) {
			this.index++;
			return true;
		}
		return false;
	}

	private Token peek() {
		return this.tokens.get(this.index);
	}

	private Token next() {
		Token token = this.tokens.get(this.index);
		if (token.kind() != Kind.END) {
			this.index++;
		}
		return token;
	}

}
