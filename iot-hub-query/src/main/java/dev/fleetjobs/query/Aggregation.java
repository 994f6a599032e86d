package dev.fleetjobs.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** GROUP BY and the aggregates COUNT, SUM, AVG, MIN and MAX. */
final class Aggregation {

	private Aggregation() {
	}

	static List<JsonNode> run(List<Query.SelectItem> items, List<Expr> groupBy, List<JsonNode> documents,
			QuerySource source) {
		if (items == null) {
			throw new QueryException("GROUP BY needs a list of expressions in SELECT, not *");
		}
		Map<String, List<Document>> groups = new LinkedHashMap<>();
		for (JsonNode document : documents) {
			Document scope = new Document(document, source);
			StringBuilder key = new StringBuilder();
			for (Expr expression : groupBy) {
				JsonNode value = expression.eval(scope);
				key.append((value != null) ? value.toString() : "undefined").append('\u0000');
			}
			groups.computeIfAbsent(key.toString(), (k) -> new ArrayList<>()).add(scope);
		}
		if (groups.isEmpty() && groupBy.isEmpty()) {
			groups.put("", List.of());
		}
		List<JsonNode> rows = new ArrayList<>(groups.size());
		for (List<Document> group : groups.values()) {
			ObjectNode row = Expr.JSON.objectNode();
			for (int i = 0; i < items.size(); i++) {
				Query.SelectItem item = items.get(i);
				JsonNode value = (item.expression() instanceof Expr.Aggregate aggregate) ? aggregate(aggregate, group)
						: (group.isEmpty() ? null : item.expression().eval(group.get(0)));
				if (value != null) {
					row.set(item.name(i), value);
				}
			}
			rows.add(row);
		}
		return rows;
	}

	private static JsonNode aggregate(Expr.Aggregate aggregate, List<Document> group) {
		if ("COUNT".equals(aggregate.function())) {
			return Expr.JSON.numberNode(group.size());
		}
		double sum = 0;
		int count = 0;
		JsonNode best = null;
		for (Document document : group) {
			JsonNode value = aggregate.argument().eval(document);
			if (value == null || value.isNull() || value.isContainer()) {
				continue;
			}
			if (value.isNumber()) {
				sum += value.doubleValue();
				count++;
			}
			if (best == null || better(aggregate.function(), value, best)) {
				best = value;
			}
		}
		return switch (aggregate.function()) {
			case "SUM" -> (count > 0) ? Values.number(sum) : null;
			case "AVG" -> (count > 0) ? Values.number(sum / count) : null;
			default -> best;
		};
	}

	private static boolean better(String function, JsonNode candidate, JsonNode best) {
		Integer comparison = Values.compare(candidate, best);
		if (comparison == null) {
			return false;
		}
		return "MIN".equals(function) ? comparison < 0 : comparison > 0;
	}

	static void rejectAggregates(Expr expression, String clause) {
		if (expression instanceof Expr.Aggregate aggregate) {
			throw new QueryException("Aggregate " + aggregate.function() + "() is not allowed in " + clause);
		}
		for (Expr child : children(expression)) {
			rejectAggregates(child, clause);
		}
	}

	private static List<Expr> children(Expr expression) {
		if (expression instanceof Expr.Unary unary) {
			return List.of(unary.operand());
		}
		if (expression instanceof Expr.Logical logical) {
			return List.of(logical.left(), logical.right());
		}
		if (expression instanceof Expr.Binary binary) {
			return List.of(binary.left(), binary.right());
		}
		if (expression instanceof Expr.Membership membership) {
			return List.of(membership.value(), membership.array());
		}
		if (expression instanceof Expr.Call call) {
			return call.arguments();
		}
		if (expression instanceof Expr.ArrayLiteral array) {
			return array.items();
		}
		return List.of();
	}

}
