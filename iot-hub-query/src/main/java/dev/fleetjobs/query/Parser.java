package dev.fleetjobs.query;

import java.util.ArrayList;
import java.util.List;

import dev.fleetjobs.query.Token.Kind;

/**
 * A recursive-descent parser for IoT Hub's query language:
 * {@code SELECT [TOP n] <* | expr [AS alias], ...> FROM <collection> [WHERE cond] [GROUP BY expr, ...]},
 * and for a job's query condition. Positions in messages are those of the text given.
 */
final class Parser {

	private final Tokens tokens;

	private final Expressions expressions;

	private final boolean bareCondition;

	private Parser(String text, boolean bareCondition) {
		this.tokens = new Tokens(text);
		this.expressions = new Expressions(this.tokens, bareCondition);
		this.bareCondition = bareCondition;
	}

	/** A whole query. */
	static Query parse(String text) {
		return new Parser(text, false).query();
	}

	/**
	 * A job's query condition, as the hub takes it: the WHERE part, or a query with its
	 * own {@code FROM ... WHERE ...} or {@code SELECT ... FROM ...}.
	 */
	static Query parseCondition(String text) {
		Parser parser = new Parser(text, false);
		Token first = parser.tokens.peek();
		if (first.isKeyword("SELECT")) {
			return parser.query();
		}
		if (first.isKeyword("FROM")) {
			return parser.from(null, null);
		}
		return parser.bare();
	}

	/** Only the WHERE part: clauses, statements and other collections are refused. */
	static Query parseWhere(String text) {
		return new Parser(text, true).bare();
	}

	/** A bare condition, or {@code *} for every device. */
	private Query bare() {
		if (this.tokens.peek().isSymbol("*") && this.tokens.peek(1).kind() == Kind.END) {
			return new Query(QuerySource.DEVICES, null, null, List.of(), null);
		}
		Expr where = this.expressions.condition();
		end();
		return new Query(QuerySource.DEVICES, null, where, List.of(), null);
	}

	private Query query() {
		this.tokens.expectKeyword("SELECT");
		Integer top = null;
		if (this.tokens.acceptKeyword("TOP")) {
			top = topCount();
		}
		return from(selectList(), top);
	}

	private Query from(List<Query.SelectItem> items, Integer top) {
		this.tokens.expectKeyword("FROM");
		QuerySource source = collection();
		Expr where = null;
		if (this.tokens.acceptKeyword("WHERE")) {
			where = this.expressions.condition();
		}
		List<Expr> groupBy = List.of();
		if (this.tokens.acceptKeyword("GROUP")) {
			this.tokens.expectKeyword("BY");
			groupBy = this.expressions.expressionList();
		}
		end();
		return new Query(source, items, where, groupBy, top);
	}

	private void end() {
		Token token = this.tokens.peek();
		if (token.kind() == Kind.END) {
			return;
		}
		if (this.bareCondition && token.kind() == Kind.IDENTIFIER && Operands.CLAUSES.contains(token.upper())) {
			throw Operands.notAllowed(token);
		}
		throw QueryException.at(token.position(), "Unexpected " + token.describe());
	}

	private int topCount() {
		Token count = this.tokens.next();
		if (count.kind() != Kind.NUMBER || !count.text().chars().allMatch(Character::isDigit)) {
			throw QueryException.at(count.position(), "TOP expects a whole number, found " + count.describe());
		}
		return Integer.parseInt(count.text().length() > 9 ? "999999999" : count.text());
	}

	private List<Query.SelectItem> selectList() {
		if (this.tokens.accept("*")) {
			return null;
		}
		List<Query.SelectItem> items = new ArrayList<>();
		do {
			Expr expression = this.expressions.expression();
			String alias = null;
			if (this.tokens.acceptKeyword("AS")) {
				alias = this.tokens.identifier("an alias after AS");
			}
			items.add(new Query.SelectItem(expression, alias));
		}
		while (this.tokens.accept(","));
		return items;
	}

	private QuerySource collection() {
		int position = this.tokens.peek().position();
		StringBuilder name = new StringBuilder(this.tokens.identifier("a collection after FROM"));
		while (this.tokens.accept(".")) {
			name.append('.').append(this.tokens.identifier("a collection name after '.'"));
		}
		return QuerySource.of(name.toString(), position);
	}

}
