package dev.fleetjobs.simulator.system;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * A logback turbo filter that keeps logs from flooding: each logger (category) may write
 * at most {@code linesPerSecond} lines per second; the rest are counted and reported by
 * the periodic summary. It samples third-party loggers (the device SDK, Paho, Netty) as
 * well as ours, so a thousand devices losing their connection at once cost a handful of
 * lines, not a thousand.
 */
public class LogSampler extends TurboFilter {

	private static final Map<String, Window> windows = new ConcurrentHashMap<>();

	private volatile int linesPerSecond = 20;

	public void setLinesPerSecond(int linesPerSecond) {
		this.linesPerSecond = linesPerSecond;
	}

	public int getLinesPerSecond() {
		return this.linesPerSecond;
	}

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		// isXxxEnabled() checks come without a format; only count lines that would be
		// written
		if (level == null || format == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())
				|| this.linesPerSecond <= 0) {
			return FilterReply.NEUTRAL;
		}
		Window window = windows.computeIfAbsent(logger.getName(), (name) -> new Window());
		return window.admit(System.nanoTime() / 1_000_000_000L, this.linesPerSecond) ? FilterReply.NEUTRAL
				: FilterReply.DENY;
	}

	/** Lines suppressed per logger since the last call, and resets the counts. */
	public static Map<String, Long> drainSuppressed() {
		Map<String, Long> suppressed = new TreeMap<>();
		windows.forEach((name, window) -> {
			long count = window.suppressed.getAndSet(0);
			if (count > 0) {
				suppressed.put(name, count);
			}
		});
		return suppressed;
	}

	/** A one-second window per logger. */
	private static final class Window {

		private long second = -1;

		private int written;

		private final AtomicLong suppressed = new AtomicLong();

		synchronized boolean admit(long now, int limit) {
			if (now != this.second) {
				this.second = now;
				this.written = 0;
			}
			if (this.written < limit) {
				this.written++;
				return true;
			}
			this.suppressed.incrementAndGet();
			return false;
		}

	}

}
