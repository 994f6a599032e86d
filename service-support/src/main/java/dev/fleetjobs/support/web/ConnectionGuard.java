package dev.fleetjobs.support.web;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.fleetjobs.support.problem.Problems;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may open one more connection: counts the open connections of each client address
 * and of the whole port, and says no, with the answer to write, when an address holds its
 * {@code maxPerAddress} (429) or the port its {@code maxConnections} (503). It sees
 * sockets as they are accepted, before a byte is read, so a client that never finishes a
 * request is counted too. Thread-safe; {@link GuardedNioProtocol} calls it.
 */
public final class ConnectionGuard implements MeterBinder {

	/** Why a connection was refused. */
	public enum Refusal {

		/** The client address holds its maximum: 429. */
		PER_ADDRESS("per-address"),

		/** The port holds its maximum: 503. */
		TOTAL("total");

		private final String tag;

		Refusal(String tag) {
			this.tag = tag;
		}

		/** The {@code reason} tag of the refused-connections counter. */
		public String tag() {
			return this.tag;
		}

	}

	private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

	private static final long LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

	private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();

	private final AtomicInteger open = new AtomicInteger();

	private final LongAdder refusedPerAddress = new LongAdder();

	private final LongAdder refusedTotal = new LongAdder();

	private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

	private final int maxPerAddress;

	private final int maxConnections;

	private final ByteBuffer tooManyFromAddress;

	private final ByteBuffer busy;

	/**
	 * @param maxPerAddress connections one address may hold ({@code 0}: no cap)
	 * @param maxConnections connections the port may hold
	 * @param retryAfter the {@code Retry-After} of a refusal
	 */
	public ConnectionGuard(int maxPerAddress, int maxConnections, Duration retryAfter) {
		this.maxPerAddress = maxPerAddress;
		this.maxConnections = maxConnections;
		long seconds = Math.max(1, retryAfter.toSeconds());
		this.tooManyFromAddress = answer(429, "Too Many Requests", "TOO_MANY_CONNECTIONS", "Too many connections",
				"this client address holds " + maxPerAddress + " open connections, the most one address may; "
						+ "close some or retry after " + seconds + " s",
				seconds);
		this.busy = answer(503, "Service Unavailable", "SERVER_BUSY", "Server busy",
				"the server holds its maximum of " + maxConnections + " connections; retry after " + seconds + " s",
				seconds);
	}

	public static ConnectionGuard of(ConnectionLimitsProperties limits) {
		return new ConnectionGuard(limits.maxConnectionsPerAddress(), limits.maxConnections(), limits.retryAfter());
	}

	/**
	 * Admits a connection that was just accepted, or says why not.
	 * @param address the client's address
	 * @param connections the port's open connections, this one included
	 * @return {@code null} when admitted (then {@link #release} it once it closes), else
	 * the reason
	 */
	public Refusal admit(InetAddress address, long connections) {
		Refusal refusal = null;
		if (connections > this.maxConnections) {
			refusal = Refusal.TOTAL;
		}
		else if (!acquire(address)) {
			refusal = Refusal.PER_ADDRESS;
		}
		if (refusal == null) {
			this.open.incrementAndGet();
			return null;
		}
		((refusal == Refusal.TOTAL) ? this.refusedTotal : this.refusedPerAddress).increment();
		logNowAndThen(address, refusal);
		return refusal;
	}

	/** An admitted connection of {@code address} closed. */
	public void release(InetAddress address) {
		this.perAddress.computeIfPresent(address, (key, count) -> (count <= 1) ? null : count - 1);
		this.open.decrementAndGet();
	}

	/**
	 * The bytes to write before closing a refused connection: a complete HTTP/1.1
	 * problem+json response with {@code Retry-After} and {@code Connection: close}.
	 */
	public ByteBuffer answer(Refusal refusal) {
		return ((refusal == Refusal.TOTAL) ? this.busy : this.tooManyFromAddress).duplicate();
	}

	/** Connections admitted and not yet closed. */
	public int open() {
		return this.open.get();
	}

	/** The most connections one address holds now. */
	public int busiestAddress() {
		return this.perAddress.values().stream().mapToInt(Integer::intValue).max().orElse(0);
	}

	public long refused(Refusal refusal) {
		return ((refusal == Refusal.TOTAL) ? this.refusedTotal : this.refusedPerAddress).sum();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("fleetjobs.http.connections.open", this, ConnectionGuard::open)
			.description("Open connections on the API port (the management port is not counted)")
			.register(registry);
		Gauge.builder("fleetjobs.http.connections.busiest.address", this, ConnectionGuard::busiestAddress)
			.description("The most connections one client address holds on the API port")
			.register(registry);
		for (Refusal refusal : Refusal.values()) {
			FunctionCounter.builder("fleetjobs.http.connections.refused", this, (guard) -> guard.refused(refusal))
				.description("Connections answered 429 (per-address cap) or 503 (total cap) and closed at once")
				.tag("reason", refusal.tag())
				.register(registry);
		}
	}

	private boolean acquire(InetAddress address) {
		boolean[] acquired = { false };
		this.perAddress.compute(address, (key, count) -> {
			int held = (count != null) ? count : 0;
			if (this.maxPerAddress > 0 && held >= this.maxPerAddress) {
				return count;
			}
			acquired[0] = true;
			return held + 1;
		});
		return acquired[0];
	}

	/** At most one line a minute, however hard the flood. */
	private void logNowAndThen(InetAddress address, Refusal refusal) {
		long now = System.nanoTime();
		long last = this.lastLogged.get();
		if (now - last >= LOG_EVERY_NANOS && this.lastLogged.compareAndSet(last, now)) {
			log.warn(
					"Refusing connections ({} cap; the latest from {}); refused so far: {} per-address, {} total "
							+ "(logged at most once a minute)",
					refusal.tag(), address.getHostAddress(), this.refusedPerAddress.sum(), this.refusedTotal.sum());
		}
	}

	private static ByteBuffer answer(int status, String reason, String code, String title, String detail,
			long retryAfterSeconds) {
		String body = "{\"type\":\"" + Problems.type(code) + "\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\",\"errorCode\":\"" + code + "\"}";
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/problem+json\r\n"
				+ "Content-Length: " + content.length + "\r\nRetry-After: " + retryAfterSeconds
				+ "\r\nConnection: close\r\n\r\n";
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		ByteBuffer answer = ByteBuffer.allocate(headBytes.length + content.length);
		answer.put(headBytes).put(content).flip();
		return answer.asReadOnlyBuffer();
	}

}
