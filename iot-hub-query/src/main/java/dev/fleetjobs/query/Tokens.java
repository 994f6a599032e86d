package dev.fleetjobs.query;

import java.util.List;
import java.util.function.Supplier;

import dev.fleetjobs.query.Token.Kind;

/**
 * A cursor over a query's tokens, with the nesting limit that keeps the parser's stack
 * small.
 */
final class Tokens {

	static final int MAX_DEPTH = 64;

	private final List<Token> tokens;

	private int index;

	private int depth;

	Tokens(String text) {
		this.tokens = Lexer.tokenize(text);
	}

	Token peek() {
		return peek(0);
	}

	/** The token {@code offset} places ahead, or the end. */
	Token peek(int offset) {
		return this.tokens.get(Math.min(this.index + offset, this.tokens.size() - 1));
	}

	Token next() {
		Token token = this.tokens.get(this.index);
		if (token.kind() != Kind.END) {
			this.index++;
		}
		return token;
	}

	boolean accept(String symbol) {
		if (peek().isSymbol(symbol)) {
			this.index++;
			return true;
		}
		return false;
	}

	boolean acceptKeyword(String keyword) {
		if (peek().isKeyword(keyword)) {
			this.index++;
			return true;
		}
		return false;
	}

	void expect(String symbol) {
		Token token = next();
		if (!token.isSymbol(symbol)) {
			throw QueryException.at(token.position(), "Expected '" + symbol + "', found " + token.describe());
		}
	}

	void expectKeyword(String keyword) {
		Token token = next();
		if (!token.isKeyword(keyword)) {
			throw QueryException.at(token.position(), "Expected " + keyword + ", found " + token.describe());
		}
	}

	String identifier(String what) {
		Token token = next();
		if (token.kind() != Kind.IDENTIFIER) {
			throw QueryException.at(token.position(), "Expected " + what + ", found " + token.describe());
		}
		return token.text();
	}

	/**
	 * Parses one level deeper; refuses input nested deeper than {@link #MAX_DEPTH}, so
	 * that no input can overflow the stack.
	 */
	<T> T nested(Supplier<T> parser) {
		if (++this.depth > MAX_DEPTH) {
			throw QueryException.at(peek().position(),
					"The query nests too deeply (more than " + MAX_DEPTH + " levels)");
		}
		try {
			return parser.get();
		}
		finally {
			this.depth--;
		}
	}

}
