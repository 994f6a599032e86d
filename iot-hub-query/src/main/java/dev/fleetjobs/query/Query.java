package dev.fleetjobs.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A parsed IoT Hub query: {@code SELECT [TOP n] <* | expr [AS alias], ...> FROM
 * <devices | devices.modules | devices.jobs> [WHERE condition] [GROUP BY expr, ...]}.
 * <p>
 * Keywords are case-insensitive; values compare only between primitives of the same type;
 * a condition holds only when it evaluates to {@code true}. Parsing never throws anything
 * but {@link QueryException}.
 */
public final class Query {

	/** The hub's limit on the length of a query. */
	public static final int MAX_LENGTH = 8192;

	private final QuerySource source;

	private final List<SelectItem> items;

	private final Expr where;

	private final List<Expr> groupBy;

	private final Integer top;

	Query(QuerySource source, List<SelectItem> items, Expr where, List<Expr> groupBy, Integer top) {
		this.source = source;
		this.items = items;
		this.where = where;
		this.groupBy = groupBy;
		this.top = top;
		validate();
	}

	/** Parses a whole query, e.g. {@code SELECT * FROM devices WHERE tags.floor = 3}. */
	public static Query parse(String sql) {
		return guarded(sql, "query", Parser::parse);
	}

	/**
	 * Parses a job's query condition as the hub takes it: the WHERE part of a device
	 * query ({@code deviceId IN ['a']}), {@code *} for every device, or a query with its
	 * own {@code FROM ... WHERE ...} or {@code SELECT ... FROM ...}.
	 */
	public static Query parseCondition(String condition) {
		return guarded(condition, "query condition", Parser::parseCondition);
	}

	/**
	 * Parses only the WHERE part of a device query, or {@code *} for every device, as
	 * {@code SELECT * FROM devices WHERE <condition>}. Anything else is refused with a
	 * message and a position in the condition: other clauses ({@code SELECT},
	 * {@code UNION}, ...), statements ({@code ;}), comments, unbalanced input, values
	 * where a condition belongs, unknown functions.
	 */
	public static Query parseWhere(String condition) {
		return guarded(condition, "query condition", Parser::parseWhere);
	}

	private static Query guarded(String text, String what, Function<String, Query> parser) {
		if (text == null || text.isBlank()) {
			throw new QueryException("The " + what + " is empty");
		}
		if (text.length() > MAX_LENGTH) {
			throw new QueryException(
					"The " + what + " is " + text.length() + " characters long; the limit is " + MAX_LENGTH);
		}
		try {
			return parser.apply(text);
		}
		catch (QueryException ex) {
			throw ex;
		}
		catch (RuntimeException | StackOverflowError ex) {
			throw new QueryException("The " + what + " could not be parsed: " + ex.getClass().getSimpleName());
		}
	}

	public QuerySource source() {
		return this.source;
	}

	/** Whether the query is {@code SELECT *}, returning whole documents. */
	public boolean isSelectAll() {
		return this.items == null;
	}

	/**
	 * Whether each result is a matching document as it is, in the documents' order, with
	 * no TOP: a page of results is then the next matches after a position in the
	 * documents, found without evaluating the rest.
	 */
	public boolean isFilterOnly() {
		return isSelectAll() && this.groupBy.isEmpty() && this.top == null;
	}

	/** Whether the query aggregates (an aggregate in SELECT, or GROUP BY). */
	public boolean isAggregate() {
		return !this.groupBy.isEmpty() || (this.items != null
				&& this.items.stream().anyMatch((item) -> item.expression() instanceof Expr.Aggregate));
	}

	/**
	 * The string that a top-level property must equal for any document to match: the
	 * value of a {@code <property> = '<string>'} comparison that the WHERE clause
	 * requires, alone or as a term of an AND (e.g.
	 * {@code devices.jobs.jobId = 'j1' AND ...} pins {@code jobId}). A source can then
	 * hand over only the documents with that value instead of all of them. Empty when the
	 * clause does not pin the property.
	 */
	public Optional<String> requiredString(String property) {
		return Optional.ofNullable(requiredString(this.where, property));
	}

	private String requiredString(Expr condition, String property) {
		if (condition instanceof Expr.Logical logical && "AND".equals(logical.operator())) {
			String left = requiredString(logical.left(), property);
			return (left != null) ? left : requiredString(logical.right(), property);
		}
		if (condition instanceof Expr.Binary binary && "=".equals(binary.operator())) {
			String value = pinned(binary.left(), binary.right(), property);
			return (value != null) ? value : pinned(binary.right(), binary.left(), property);
		}
		return null;
	}

	private String pinned(Expr path, Expr value, String property) {
		if (path instanceof Expr.Path named && value instanceof Expr.Literal literal && literal.value() != null
				&& literal.value().isString()) {
			List<String> segments = named.segments();
			int start = Document.collectionPrefixLength(segments, this.source);
			if (segments.size() == start + 1 && segments.get(start).equalsIgnoreCase(property)) {
				return literal.value().asString();
			}
		}
		return null;
	}

	/**
	 * The top-level properties that the WHERE clause reads, in lower case (e.g.
	 * {@code tags} for {@code tags.floor = 3 AND deviceId = 'd1'}: {@code tags},
	 * {@code deviceid}); empty when there is no WHERE clause. A source may then match
	 * documents that hold only these properties.
	 */
	public Set<String> whereProperties() {
		Set<String> properties = new TreeSet<>();
		if (this.where != null) {
			collect(this.where, properties);
		}
		return properties;
	}

	private void collect(Expr expression, Set<String> properties) {
		if (expression instanceof Expr.Path path) {
			int start = Document.collectionPrefixLength(path.segments(), this.source);
			if (start < path.segments().size()) {
				properties.add(path.segments().get(start).toLowerCase(Locale.ROOT));
			}
		}
		else if (expression instanceof Expr.ArrayLiteral array) {
			array.items().forEach((item) -> collect(item, properties));
		}
		else if (expression instanceof Expr.Unary unary) {
			collect(unary.operand(), properties);
		}
		else if (expression instanceof Expr.Logical logical) {
			collect(logical.left(), properties);
			collect(logical.right(), properties);
		}
		else if (expression instanceof Expr.Binary binary) {
			collect(binary.left(), properties);
			collect(binary.right(), properties);
		}
		else if (expression instanceof Expr.Membership membership) {
			collect(membership.value(), properties);
			collect(membership.array(), properties);
		}
		else if (expression instanceof Expr.Call call) {
			call.arguments().forEach((argument) -> collect(argument, properties));
		}
		else if (expression instanceof Expr.Aggregate aggregate) {
			collect(aggregate.argument(), properties);
		}
	}

	/** Whether a document satisfies the WHERE clause (always, when there is none). */
	public boolean matches(JsonNode document) {
		if (this.where == null) {
			return true;
		}
		JsonNode result = this.where.eval(new Document(document, this.source));
		return result != null && result.isBoolean() && result.booleanValue();
	}

	/**
	 * Runs the query over documents: filters, then projects or aggregates, then applies
	 * TOP. Documents keep the order they are given in.
	 */
	public List<JsonNode> execute(Iterable<? extends JsonNode> documents) {
		List<JsonNode> matched = new ArrayList<>();
		for (JsonNode document : documents) {
			if (matches(document)) {
				matched.add(document);
			}
		}
		List<JsonNode> results;
		if (isAggregate()) {
			results = Aggregation.run(this.items, this.groupBy, matched, this.source);
		}
		else if (isSelectAll()) {
			results = matched;
		}
		else {
			results = new ArrayList<>(matched.size());
			for (JsonNode document : matched) {
				results.add(project(document));
			}
		}
		return (this.top != null && results.size() > this.top) ? results.subList(0, this.top) : results;
	}

	private JsonNode project(JsonNode document) {
		Document scope = new Document(document, this.source);
		ObjectNode row = Expr.JSON.objectNode();
		for (int i = 0; i < this.items.size(); i++) {
			SelectItem item = this.items.get(i);
			JsonNode value = item.expression().eval(scope);
			if (value != null) {
				row.set(item.name(i), value);
			}
		}
		return row;
	}

	private void validate() {
		if (this.source == QuerySource.DEVICES_JOBS && (!isSelectAll() || !this.groupBy.isEmpty())) {
			throw new QueryException("Queries on devices.jobs support only SELECT * without GROUP BY");
		}
		if (this.where != null) {
			Aggregation.rejectAggregates(this.where, "WHERE");
		}
		this.groupBy.forEach((expression) -> Aggregation.rejectAggregates(expression, "GROUP BY"));
		Map<String, Integer> names = new LinkedHashMap<>();
		for (int i = 0; this.items != null && i < this.items.size(); i++) {
			if (names.put(this.items.get(i).name(i), i) != null) {
				throw new QueryException("Duplicate name '" + this.items.get(i).name(i) + "' in SELECT; use AS");
			}
		}
	}

	/** One projected expression and its optional alias. */
	record SelectItem(Expr expression, String alias) {

		/**
		 * The property name in each result row: the alias, a path's last segment, or
		 * {@code $n}.
		 */
		String name(int index) {
			if (this.alias != null) {
				return this.alias;
			}
			return (this.expression instanceof Expr.Path path) ? path.lastSegment() : "$" + (index + 1);
		}

	}

}
