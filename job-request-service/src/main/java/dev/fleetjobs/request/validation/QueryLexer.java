package dev.fleetjobs.request.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an IoT Hub query condition into tokens: identifiers, string and number literals,
 * operators and punctuation. String escapes follow the hub:
 * {@code \' \" \\ \/ \b \f \n \r
 * \t \}{@code uXXXX}.
 */
final class QueryLexer {

	enum Kind {

		IDENTIFIER, STRING, NUMBER, OPERATOR, LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, COMMA, DOT, END

	}

	/** One token; {@code text} is the decoded value for strings. */
	record Token(Kind kind, String text, int position) {

		boolean is(Kind expected) {
			return this.kind == expected;
		}

		boolean isWord(String word) {
			return this.kind == Kind.IDENTIFIER && this.text.equalsIgnoreCase(word);
		}

		boolean isOperator(String... operators) {
			if (this.kind != Kind.OPERATOR) {
				return false;
			}
			for (String operator : operators) {
				if (operator.equals(this.text)) {
					return true;
				}
			}
			return false;
		}

		String describe() {
			return switch (this.kind) {
				case END -> "end of condition";
				case STRING -> "string '" + this.text + "'";
				default -> "'" + this.text + "'";
			};
		}

	}

	private final String input;

	private int position;

	private QueryLexer(String input) {
		this.input = input;
	}

	static List<Token> tokenize(String input) {
		return new QueryLexer(input).tokens();
	}

	private List<Token> tokens() {
		List<Token> tokens = new ArrayList<>();
		while (true) {
			skipWhitespace();
			if (this.position >= this.input.length()) {
				tokens.add(new Token(Kind.END, "", this.position));
				return tokens;
			}
			tokens.add(next());
		}
	}

	private void skipWhitespace() {
		while (this.position < this.input.length() && " \t\r\n".indexOf(this.input.charAt(this.position)) >= 0) {
			this.position++;
		}
	}

	private Token next() {
		int start = this.position;
		char c = this.input.charAt(start);
		if (Character.isLetter(c) && c < 128 || c == '_' || c == '$') {
			while (this.position < this.input.length() && isIdentifierPart(this.input.charAt(this.position))) {
				this.position++;
			}
			return new Token(Kind.IDENTIFIER, this.input.substring(start, this.position), start);
		}
		if (c >= '0' && c <= '9') {
			return number(start);
		}
		if (c == '\'' || c == '"') {
			return string(start, c);
		}
		if (this.input.startsWith("--", start) || this.input.startsWith("/*", start)) {
			throw new QuerySyntaxException("comments are not part of the query language", start);
		}
		this.position++;
		return switch (c) {
			case '(' -> new Token(Kind.LEFT_PAREN, "(", start);
			case ')' -> new Token(Kind.RIGHT_PAREN, ")", start);
			case '[' -> new Token(Kind.LEFT_BRACKET, "[", start);
			case ']' -> new Token(Kind.RIGHT_BRACKET, "]", start);
			case ',' -> new Token(Kind.COMMA, ",", start);
			case '.' -> new Token(Kind.DOT, ".", start);
			case '+', '-', '*', '/', '%', '=' -> new Token(Kind.OPERATOR, String.valueOf(c), start);
			case '!' -> operatorFollowedBy(start, "!", '=', true);
			case '<' ->
				(peek('>') ? operatorFollowedBy(start, "<", '>', true) : operatorFollowedBy(start, "<", '=', false));
			case '>' -> operatorFollowedBy(start, ">", '=', false);
			default -> throw new QuerySyntaxException("unexpected character " + printable(c), start);
		};
	}

	private boolean peek(char expected) {
		return this.position < this.input.length() && this.input.charAt(this.position) == expected;
	}

	private Token operatorFollowedBy(int start, String first, char second, boolean required) {
		if (peek(second)) {
			this.position++;
			return new Token(Kind.OPERATOR, first + second, start);
		}
		if (required) {
			throw new QuerySyntaxException("unexpected character '" + first + "'", start);
		}
		return new Token(Kind.OPERATOR, first, start);
	}

	private Token number(int start) {
		if (this.input.startsWith("0x", start) || this.input.startsWith("0X", start)) {
			this.position += 2;
			int digits = this.position;
			while (this.position < this.input.length() && Character.digit(this.input.charAt(this.position), 16) >= 0) {
				this.position++;
			}
			if (digits == this.position) {
				throw new QuerySyntaxException("hex number without digits", start);
			}
		}
		else {
			digits();
			if (peek('.') && this.position + 1 < this.input.length()
					&& Character.isDigit(this.input.charAt(this.position + 1))) {
				this.position++;
				digits();
			}
			if (peek('e') || peek('E')) {
				this.position++;
				if (peek('+') || peek('-')) {
					this.position++;
				}
				int exponent = this.position;
				digits();
				if (exponent == this.position) {
					throw new QuerySyntaxException("number with an empty exponent", start);
				}
			}
		}
		if (this.position < this.input.length() && isIdentifierPart(this.input.charAt(this.position))) {
			throw new QuerySyntaxException("malformed number", start);
		}
		return new Token(Kind.NUMBER, this.input.substring(start, this.position), start);
	}

	private void digits() {
		while (this.position < this.input.length() && Character.isDigit(this.input.charAt(this.position))) {
			this.position++;
		}
	}

	private Token string(int start, char quote) {
		StringBuilder value = new StringBuilder();
		this.position++;
		while (this.position < this.input.length()) {
			char c = this.input.charAt(this.position++);
			if (c == quote) {
				return new Token(Kind.STRING, value.toString(), start);
			}
			if (c < 0x20) {
				throw new QuerySyntaxException("control character in string", this.position - 1);
			}
			if (c != '\\') {
				value.append(c);
				continue;
			}
			if (this.position >= this.input.length()) {
				break;
			}
			char escaped = this.input.charAt(this.position++);
			switch (escaped) {
				case '\'', '"', '\\', '/' -> value.append(escaped);
				case 'b' -> value.append('\b');
				case 'f' -> value.append('\f');
				case 'n' -> value.append('\n');
				case 'r' -> value.append('\r');
				case 't' -> value.append('\t');
				case 'u' -> value.append(unicodeEscape());
				default -> throw new QuerySyntaxException("unknown escape \\" + printable(escaped), this.position - 2);
			}
		}
		throw new QuerySyntaxException("unterminated string", start);
	}

	private char unicodeEscape() {
		int start = this.position - 2;
		if (this.position + 4 > this.input.length()) {
			throw new QuerySyntaxException("incomplete \\u escape", start);
		}
		int code = 0;
		for (int i = 0; i < 4; i++) {
			int digit = Character.digit(this.input.charAt(this.position++), 16);
			if (digit < 0) {
				throw new QuerySyntaxException("invalid \\u escape", start);
			}
			code = code * 16 + digit;
		}
		return (char) code;
	}

	private static boolean isIdentifierPart(char c) {
		return (c < 128 && Character.isLetterOrDigit(c)) || c == '_' || c == '$';
	}

	private static String printable(char c) {
		return (c >= 0x20 && c < 0x7f) ? "'" + c + "'" : String.format("U+%04X", (int) c);
	}

}
