package dev.fleetjobs.request.validation;

import java.util.List;

import dev.fleetjobs.request.validation.QueryLexer.Kind;
import dev.fleetjobs.request.validation.QueryLexer.Token;

/** A position in a token list, with a nesting limit, for the recursive-descent parser. */
abstract class TokenCursor {

	private final List<Token> tokens;

	private final int maxDepth;

	private int index;

	private int depth;

	TokenCursor(List<Token> tokens, int maxDepth) {
		this.tokens = tokens;
		this.maxDepth = maxDepth;
	}

	/** One level deeper; refuses input nested deeper than the limit. */
	void enter(Token token) {
		if (++this.depth > this.maxDepth) {
			throw new QuerySyntaxException("nested deeper than " + this.maxDepth + " levels", token.position());
		}
	}

	void leave() {
		this.depth--;
	}

	Token peek() {
		return this.tokens.get(this.index);
	}

	Token advance() {
		Token token = this.tokens.get(this.index);
		if (!token.is(Kind.END)) {
			this.index++;
		}
		return token;
	}

	boolean accept(Kind kind) {
		if (peek().is(kind)) {
			advance();
			return true;
		}
		return false;
	}

	void expect(Kind kind, String what) {
		Token token = advance();
		if (!token.is(kind)) {
			throw unexpected(token, "; expected " + what);
		}
	}

	static QuerySyntaxException unexpected(Token token, String hint) {
		return new QuerySyntaxException("unexpected " + token.describe() + hint, token.position());
	}

}
