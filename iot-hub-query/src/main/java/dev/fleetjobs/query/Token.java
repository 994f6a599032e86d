package dev.fleetjobs.query;

import java.util.Locale;

/** A lexical token of the query language; {@code position} is 0-based. */
record Token(Kind kind, String text, int position) {

	enum Kind {

		IDENTIFIER, NUMBER, STRING, SYMBOL, END

	}

	boolean isSymbol(String symbol) {
		return this.kind == Kind.SYMBOL && this.text.equals(symbol);
	}

	/**
	 * Whether this is the keyword, in any case. Keywords are identifiers to the lexer.
	 */
	boolean isKeyword(String keyword) {
		return this.kind == Kind.IDENTIFIER && this.text.equalsIgnoreCase(keyword);
	}

	String describe() {
		return switch (this.kind) {
			case END -> "end of query";
			case STRING -> "string '" + this.text + "'";
			default -> "'" + this.text + "'";
		};
	}

	String upper() {
		return this.text.toUpperCase(Locale.ROOT);
	}

}
