package dev.fleetjobs.request.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.fleetjobs.request.validation.QueryLexer.Kind;
import dev.fleetjobs.request.validation.QueryLexer.Token;
import dev.fleetjobs.request.validation.QueryNode.Shape;

/**
 * A recursive-descent parser of the WHERE part of IoT Hub's device query language:
 * comparisons ({@code = != <> < > <= >=}), {@code AND OR NOT}, {@code IN}/{@code NIN}
 * with array constants, arithmetic, the functions {@code IS_DEFINED}, {@code STARTSWITH}
 * and {@code ENDSWITH}, string/number/boolean/null/undefined literals and dotted paths.
 * It refuses anything else (other clauses, statements, comments, unbalanced input) with a
 * {@link QuerySyntaxException}, and never anything worse.
 */
final class QueryConditionParser extends TokenCursor {

	static final int MAX_LENGTH = 8192;

	static final int MAX_DEPTH = 64;

	private static final Set<String> COMPARISONS = Set.of("=", "!=", "<>", "<", ">", "<=", ">=");

	private static final Map<String, Integer> FUNCTIONS = Map.of("IS_DEFINED", 1, "STARTSWITH", 2, "ENDSWITH", 2);

	private static final Set<String> OPERATOR_WORDS = Set.of("AND", "OR", "NOT", "IN", "NIN");

	private static final Set<String> CLAUSE_WORDS = Set.of("SELECT", "FROM", "WHERE", "GROUP", "BY", "ORDER", "TOP",
			"AS", "UNION", "JOIN", "HAVING", "LIMIT");

	private QueryConditionParser(List<Token> tokens) {
		super(tokens, MAX_DEPTH);
	}

	/** Parses a condition, or {@code *} for every device. */
	static QueryNode parse(String condition) {
		if (condition.isBlank()) {
			throw new QuerySyntaxException("empty condition", 0);
		}
		if (condition.length() > MAX_LENGTH) {
			throw new QuerySyntaxException("longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
		}
		if (condition.strip().equals("*")) {
			return QueryNode.ALL;
		}
		QueryConditionParser parser = new QueryConditionParser(QueryLexer.tokenize(condition));
		QueryNode node = parser.or();
		Token end = parser.peek();
		if (end.is(Kind.IDENTIFIER) && CLAUSE_WORDS.contains(end.text().toUpperCase(Locale.ROOT))) {
			parser.word(end);
		}
		if (!end.is(Kind.END)) {
			throw unexpected(end, (end.isWord("NOT")) ? "; use NIN for 'not in'" : "");
		}
		if (node.shape() == Shape.VALUE) {
			throw new QuerySyntaxException("the condition must be true or false, e.g. deviceId = 'door-1'", 0);
		}
		return node;
	}

	private QueryNode or() {
		return logical("OR", this::and);
	}

	private QueryNode and() {
		return logical("AND", this::not);
	}

	private QueryNode logical(String word, Supplier<QueryNode> operand) {
		QueryNode left = operand.get();
		while (peek().isWord(word)) {
			Token operator = advance();
			left = new QueryNode.Logical(word, condition(left, operator), condition(operand.get(), operator));
		}
		return left;
	}

	private QueryNode not() {
		if (peek().isWord("NOT")) {
			Token operator = advance();
			enter(operator);
			QueryNode operand = condition(not(), operator);
			leave();
			return new QueryNode.Not(operand);
		}
		return comparison();
	}

	private QueryNode comparison() {
		QueryNode left = additive();
		Token next = peek();
		if (next.is(Kind.OPERATOR) && COMPARISONS.contains(next.text())) {
			advance();
			return new QueryNode.Comparison(next.text(), value(left, next), value(additive(), next));
		}
		if (next.isWord("IN") || next.isWord("NIN")) {
			advance();
			return new QueryNode.Membership(value(left, next), next.isWord("NIN"), list(next));
		}
		return left;
	}

	private QueryNode additive() {
		return arithmetic(this::multiplicative, "+", "-");
	}

	private QueryNode multiplicative() {
		return arithmetic(this::unary, "*", "/", "%");
	}

	private QueryNode arithmetic(Supplier<QueryNode> operand, String... operators) {
		QueryNode left = operand.get();
		while (peek().isOperator(operators)) {
			Token operator = advance();
			left = new QueryNode.Arithmetic(operator.text(), number(left, operator), number(operand.get(), operator));
		}
		return left;
	}

	private QueryNode unary() {
		if (peek().isOperator("-")) {
			Token operator = advance();
			enter(operator);
			QueryNode operand = number(unary(), operator);
			leave();
			return new QueryNode.Arithmetic("-", new QueryNode.Literal("0", Shape.VALUE), operand);
		}
		return primary();
	}

	private QueryNode primary() {
		Token token = advance();
		switch (token.kind()) {
			case LEFT_PAREN -> {
				enter(token);
				QueryNode inner = or();
				expect(Kind.RIGHT_PAREN, "')' to close the '(' at position " + (token.position() + 1));
				leave();
				return inner;
			}
			case STRING -> {
				return new QueryNode.Literal(token.text(), Shape.VALUE);
			}
			case NUMBER -> {
				return new QueryNode.Literal(token.text(), Shape.VALUE);
			}
			case IDENTIFIER -> {
				return word(token);
			}
			case LEFT_BRACKET ->
				throw new QuerySyntaxException("an array is only allowed after IN or NIN", token.position());
			default -> throw unexpected(token, "; expected a value");
		}
	}

	private QueryNode word(Token token) {
		String upper = token.text().toUpperCase(Locale.ROOT);
		if (CLAUSE_WORDS.contains(upper)) {
			throw new QuerySyntaxException(
					"'" + token.text() + "' is not allowed: give only the condition (the WHERE part)",
					token.position());
		}
		if (OPERATOR_WORDS.contains(upper)) {
			throw unexpected(token, "; expected a value");
		}
		switch (upper) {
			case "TRUE", "FALSE" -> {
				return new QueryNode.Literal(Boolean.valueOf(upper.equals("TRUE")), Shape.BOOLEAN);
			}
			case "NULL", "UNDEFINED" -> {
				return new QueryNode.Literal(null, Shape.VALUE);
			}
			default -> {
				return peek().is(Kind.LEFT_PAREN) ? call(token, upper) : path(token);
			}
		}
	}

	private QueryNode call(Token name, String upper) {
		Integer arity = FUNCTIONS.get(upper);
		if (arity == null) {
			String hint = (upper.equals("STARTS_WITH") || upper.equals("ENDS_WITH"))
					? "; twin queries spell it " + upper.replace("_", "")
					: "; supported: IS_DEFINED, STARTSWITH, ENDSWITH";
			throw new QuerySyntaxException("unknown function '" + name.text() + "'" + hint, name.position());
		}
		Token open = advance();
		enter(open);
		List<QueryNode> arguments = new ArrayList<>();
		if (!peek().is(Kind.RIGHT_PAREN)) {
			do {
				arguments.add(value(additive(), name));
			}
			while (accept(Kind.COMMA));
		}
		expect(Kind.RIGHT_PAREN, "')' to close " + upper + "(");
		leave();
		if (arguments.size() != arity) {
			throw new QuerySyntaxException(upper + " takes " + arity + " argument(s), got " + arguments.size(),
					name.position());
		}
		if (upper.equals("IS_DEFINED") && !(arguments.get(0) instanceof QueryNode.Path)) {
			throw new QuerySyntaxException("IS_DEFINED takes a property path", name.position());
		}
		return new QueryNode.Call(upper, arguments);
	}

	private QueryNode path(Token first) {
		StringBuilder path = new StringBuilder(first.text());
		while (accept(Kind.DOT)) {
			Token segment = advance();
			if (!segment.is(Kind.IDENTIFIER)) {
				throw unexpected(segment, "; expected a property name after '.'");
			}
			path.append('.').append(segment.text());
		}
		return new QueryNode.Path(path.toString());
	}

	private List<QueryNode.Literal> list(Token operator) {
		expect(Kind.LEFT_BRACKET, "'[' after " + operator.text().toUpperCase(Locale.ROOT));
		List<QueryNode.Literal> values = new ArrayList<>();
		do {
			values.add(listElement());
		}
		while (accept(Kind.COMMA));
		expect(Kind.RIGHT_BRACKET, "',' or ']' in the list");
		return values;
	}

	private QueryNode.Literal listElement() {
		Token token = advance();
		boolean negative = token.isOperator("-");
		if (negative) {
			token = advance();
		}
		if (token.is(Kind.NUMBER)) {
			return new QueryNode.Literal((negative ? "-" : "") + token.text(), Shape.VALUE);
		}
		if (!negative && token.is(Kind.STRING)) {
			return new QueryNode.Literal(token.text(), Shape.VALUE);
		}
		if (!negative && token.is(Kind.IDENTIFIER)
				&& Set.of("TRUE", "FALSE", "NULL").contains(token.text().toUpperCase(Locale.ROOT))) {
			return (QueryNode.Literal) word(token);
		}
		throw unexpected(token, "; a list holds only string, number, boolean or null constants");
	}

	private QueryNode condition(QueryNode node, Token operator) {
		if (node.shape() == Shape.VALUE) {
			throw new QuerySyntaxException("'" + operator.text() + "' needs a condition on each side, not a value",
					operator.position());
		}
		return node;
	}

	private QueryNode value(QueryNode node, Token operator) {
		if (node.shape() == Shape.PREDICATE) {
			throw new QuerySyntaxException("'" + operator.text() + "' compares values, not conditions",
					operator.position());
		}
		return node;
	}

	private QueryNode number(QueryNode node, Token operator) {
		if (node.shape() == Shape.PREDICATE || node.shape() == Shape.BOOLEAN) {
			throw new QuerySyntaxException("'" + operator.text() + "' needs numbers, not conditions",
					operator.position());
		}
		return node;
	}

}
