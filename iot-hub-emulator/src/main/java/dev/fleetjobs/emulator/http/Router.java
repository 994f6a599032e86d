package dev.fleetjobs.emulator.http;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.fleetjobs.emulator.auth.Permission;
import dev.fleetjobs.emulator.errors.IotHubErrors;

/**
 * The service REST routes. A pattern is a path with {@code {name}} segments; each route
 * names the permission its caller needs and an operation name (e.g. {@code jobs.create})
 * that call counters, fault injection and throttles refer to. A literal segment wins over
 * a {@code {name}} segment ({@code /jobs/v2/query} before {@code /jobs/v2/{jobId}}).
 * Features add their routes at start-up.
 */
public final class Router {

	private final List<Route> routes = new CopyOnWriteArrayList<>();

	/**
	 * Adds a route, replacing any route with the same method and pattern; its operation
	 * name is made of the method and pattern, and it changes state unless it is a GET.
	 */
	public Router add(String method, String pattern, Permission permission, RouteHandler handler) {
		return add(method, pattern, permission,
				new Operation(method.toLowerCase(Locale.ROOT) + " " + pattern, !"GET".equals(method)), handler);
	}

	/**
	 * Adds a route with an operation name; replaces any with the same method and pattern.
	 */
	public synchronized Router add(String method, String pattern, Permission permission, Operation operation,
			RouteHandler handler) {
		String[] parts = pattern.split("/");
		this.routes.removeIf((route) -> route.method().equals(method) && Arrays.equals(route.pattern(), parts));
		this.routes.add(new Route(method, parts, permission, operation, handler));
		return this;
	}

	/** An operation the emulator knows but does not emulate: 501 naming it. */
	public Router notImplemented(String method, String pattern, String operation) {
		return add(method, pattern, Permission.SERVICE_CONNECT,
				(request) -> CompletableFuture.failedFuture(IotHubErrors.notImplemented(operation)));
	}

	/** The operation names of the routes, e.g. {@code jobs.create}, sorted. */
	public SortedSet<String> operationNames() {
		SortedSet<String> names = new TreeSet<>();
		this.routes.forEach((route) -> names.add(route.operation().name()));
		return names;
	}

	/** The route for this call, or null. */
	Match find(String method, String path) {
		String[] segments = path.split("/");
		boolean pathKnown = false;
		Match best = null;
		for (Route route : this.routes) {
			Map<String, String> params = route.match(segments);
			if (params != null) {
				pathKnown = true;
				if (route.method().equals(method) && (best == null || params.size() < best.params().size())) {
					best = new Match(route, params);
				}
			}
		}
		if (best != null) {
			return best;
		}
		return pathKnown ? new Match(null, Map.of()) : null;
	}

	/**
	 * What a route does, for counters, faults and throttles.
	 *
	 * @param name e.g. {@code jobs.create}
	 * @param mutating whether it changes state: its answer waits until the change is
	 * committed
	 */
	public record Operation(String name, boolean mutating) {

		public static Operation reads(String name) {
			return new Operation(name, false);
		}

		public static Operation writes(String name) {
			return new Operation(name, true);
		}

	}

	record Route(String method, String[] pattern, Permission permission, Operation operation, RouteHandler handler) {

		Map<String, String> match(String[] segments) {
			if (segments.length != this.pattern.length) {
				return null;
			}
			Map<String, String> params = new HashMap<>();
			for (int i = 0; i < segments.length; i++) {
				String part = this.pattern[i];
				if (part.startsWith("{") && part.endsWith("}")) {
					if (segments[i].isEmpty()) {
						return null;
					}
					params.put(part.substring(1, part.length() - 1), segments[i]);
				}
				else if (!part.equals(segments[i])) {
					return null;
				}
			}
			return params;
		}

	}

	/**
	 * A found route with its path parameters; route is null when only the method is
	 * wrong.
	 */
	record Match(Route route, Map<String, String> params) {
	}

}
