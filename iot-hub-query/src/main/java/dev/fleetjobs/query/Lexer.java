package dev.fleetjobs.query;

import java.util.ArrayList;
import java.util.List;

import dev.fleetjobs.query.Token.Kind;

/**
 * Splits a query into tokens: identifiers, numbers, quoted strings and symbols. Only
 * US-ASCII is allowed outside strings (the Java SDK refuses anything else); comments and
 * control characters in strings are refused.
 */
final class Lexer {

	private static final java.util.Set<String> TWO_CHAR_SYMBOLS = java.util.Set.of("!=", "<>", "<=", ">=");

	private static final String ONE_CHAR_SYMBOLS = "()[],.*+-/%=<>";

	private final String text;

	private int position;

	private Lexer(String text) {
		this.text = text;
	}

	static List<Token> tokenize(String text) {
		return new Lexer(text).run();
	}

	private List<Token> run() {
		List<Token> tokens = new ArrayList<>();
		while (true) {
			skipWhitespace();
			if (this.position >= this.text.length()) {
				tokens.add(new Token(Kind.END, "", this.position));
				return tokens;
			}
			tokens.add(next());
		}
	}

	private Token next() {
		int start = this.position;
		char c = this.text.charAt(start);
		if (c == '\'' || c == '"') {
			return new Token(Kind.STRING, string(c), start);
		}
		if (isDigit(c)) {
			return new Token(Kind.NUMBER, number(), start);
		}
		if (isIdentifierStart(c)) {
			while (this.position < this.text.length() && isIdentifierPart(this.text.charAt(this.position))) {
				this.position++;
			}
			return new Token(Kind.IDENTIFIER, this.text.substring(start, this.position), start);
		}
		if (this.text.startsWith("--", start) || this.text.startsWith("/*", start)) {
			throw QueryException.at(start, "Comments are not part of the query language");
		}
		if (start + 1 < this.text.length() && TWO_CHAR_SYMBOLS.contains(this.text.substring(start, start + 2))) {
			this.position += 2;
			return new Token(Kind.SYMBOL, this.text.substring(start, start + 2), start);
		}
		if (ONE_CHAR_SYMBOLS.indexOf(c) >= 0) {
			this.position++;
			return new Token(Kind.SYMBOL, String.valueOf(c), start);
		}
		throw QueryException.at(start, "Unexpected character '" + printable(c) + "'");
	}

	private String string(char quote) {
		int start = this.position++;
		StringBuilder value = new StringBuilder();
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position++);
			if (c == quote) {
				return value.toString();
			}
			if (c < 0x20) {
				throw QueryException.at(this.position - 1,
						"Control character " + printable(c) + " in a string; escape it, e.g. \\n");
			}
			if (c == '\\') {
				value.append(escape(start));
			}
			else {
				value.append(c);
			}
		}
		throw QueryException.at(start, "Unterminated string");
	}

	private char escape(int stringStart) {
		if (this.position >= this.text.length()) {
			throw QueryException.at(stringStart, "Unterminated string");
		}
		char c = this.text.charAt(this.position++);
		return switch (c) {
			case '\'', '"', '\\', '/' -> c;
			case 'b' -> '\b';
			case 'f' -> '\f';
			case 'n' -> '\n';
			case 'r' -> '\r';
			case 't' -> '\t';
			case 'u' -> unicodeEscape();
			default -> throw QueryException.at(this.position - 2, "Invalid escape '\\" + printable(c) + "'");
		};
	}

	private char unicodeEscape() {
		int start = this.position;
		if (start + 4 > this.text.length()
				|| !this.text.substring(start, start + 4).chars().allMatch((c) -> isHexDigit((char) c))) {
			throw QueryException.at(start - 2, "Invalid unicode escape: \\u takes 4 hexadecimal digits");
		}
		this.position += 4;
		return (char) Integer.parseInt(this.text.substring(start, start + 4), 16);
	}

	private String number() {
		int start = this.position;
		if (this.text.startsWith("0x", start) || this.text.startsWith("0X", start)) {
			this.position += 2;
			while (this.position < this.text.length() && isHexDigit(this.text.charAt(this.position))) {
				this.position++;
			}
			if (this.position == start + 2) {
				throw QueryException.at(start, "Invalid hexadecimal number");
			}
			return this.text.substring(start, this.position);
		}
		digits();
		if (peek('.') && this.position + 1 < this.text.length() && isDigit(this.text.charAt(this.position + 1))) {
			this.position++;
			digits();
		}
		if (peek('e') || peek('E')) {
			this.position++;
			if (peek('+') || peek('-')) {
				this.position++;
			}
			int exponentStart = this.position;
			digits();
			if (this.position == exponentStart) {
				throw QueryException.at(start, "Invalid number exponent");
			}
		}
		if (this.position < this.text.length() && isIdentifierStart(this.text.charAt(this.position))) {
			throw QueryException.at(start, "Invalid number '" + this.text.substring(start, this.position + 1) + "'");
		}
		return this.text.substring(start, this.position);
	}

	private void digits() {
		while (this.position < this.text.length() && isDigit(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	private boolean peek(char c) {
		return this.position < this.text.length() && this.text.charAt(this.position) == c;
	}

	private void skipWhitespace() {
		while (this.position < this.text.length() && " \t\r\n".indexOf(this.text.charAt(this.position)) >= 0) {
			this.position++;
		}
	}

	private static boolean isIdentifierStart(char c) {
		return c < 128 && (Character.isLetter(c) || c == '_' || c == '$');
	}

	private static boolean isIdentifierPart(char c) {
		return isIdentifierStart(c) || isDigit(c);
	}

	/**
	 * US-ASCII digits only: {@link Character#isDigit} also takes other scripts' digits.
	 */
	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isHexDigit(char c) {
		return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static String printable(char c) {
		return (c >= 32 && c < 127) ? String.valueOf(c) : String.format("\\u%04x", (int) c);
	}

}
