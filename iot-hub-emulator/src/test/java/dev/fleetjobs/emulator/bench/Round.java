package dev.fleetjobs.emulator.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fan-out round: a request to every device, at most {@code window} outstanding, each
 * answered request timed from send to response.
 */
final class Round {

	private final List<String> deviceIds;

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicInteger requestIds = new AtomicInteger();

	private final long[] latencies;

	private final AtomicInteger answered = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	private final ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>();

	private final CountDownLatch done;

	private final AtomicLong finishedAt = new AtomicLong();

	private long startedAt;

	Round(List<String> deviceIds) {
		this.deviceIds = deviceIds;
		this.latencies = new long[deviceIds.size()];
		this.done = new CountDownLatch(deviceIds.size());
	}

	void start() {
		this.startedAt = System.nanoTime();
	}

	/** The next device to call and a fresh request id, or null when all were sent. */
	String[] nextRequest() {
		int index = this.next.getAndIncrement();
		if (index >= this.deviceIds.size()) {
			return null;
		}
		String requestId = Integer.toString(this.requestIds.incrementAndGet());
		this.sentAt.put(requestId, System.nanoTime());
		return new String[] { this.deviceIds.get(index), requestId };
	}

	void answered(String requestId, boolean success) {
		Long sent = this.sentAt.remove(requestId);
		if (sent == null) {
			return;
		}
		int slot = this.answered.getAndIncrement();
		this.latencies[slot] = System.nanoTime() - sent;
		if (!success) {
			this.failed.incrementAndGet();
		}
		this.finishedAt.set(System.nanoTime());
		this.done.countDown();
	}

	boolean isComplete() {
		return this.done.getCount() == 0;
	}

	void await() throws InterruptedException {
		if (!this.done.await(300, TimeUnit.SECONDS)) {
			throw new IllegalStateException(
					"Round incomplete: " + this.answered.get() + " of " + this.deviceIds.size() + " answered");
		}
	}

	Result result() {
		long[] sorted = Arrays.copyOf(this.latencies, this.answered.get());
		Arrays.sort(sorted);
		double seconds = (this.finishedAt.get() - this.startedAt) / 1e9;
		return new Result(seconds, sorted.length / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
				this.failed.get());
	}

	private static double percentile(long[] sorted, double p) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	/** Fan-out time (s), round trips per second, p50 and p99 (ms), failed calls. */
	record Result(double seconds, double perSecond, double p50Millis, double p99Millis, int failed) {
	}

}
