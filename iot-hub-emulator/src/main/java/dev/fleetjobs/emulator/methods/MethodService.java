package dev.fleetjobs.emulator.methods;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.registry.DeviceRegistry;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import tools.jackson.databind.JsonNode;

/**
 * Direct methods, asynchronous end to end: {@link #invoke} returns a future that the
 * device's response completes, or a timeout on the scheduler fails with the hub's 404103
 * (not connected within connectTimeout) or 504101 (no answer within responseTimeout).
 * Timeouts sit on a hashed wheel timer, so thousands of calls in flight cost little.
 */
public final class MethodService {

	private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();

	private final Map<String, Queue<Pending>> waitingForDevice = new ConcurrentHashMap<>();

	private final AtomicLong requestIds = new AtomicLong();

	private final DeviceRegistry registry;

	private final Timer timer;

	private volatile MethodTransport transport = (deviceId, name, requestId, payload) -> false;

	public MethodService(DeviceRegistry registry, Timer timer) {
		this.registry = registry;
		this.timer = timer;
	}

	public void setTransport(MethodTransport transport) {
		this.transport = transport;
	}

	/** Invokes a method on a device; the future fails with an IotHubErrorException. */
	public CompletableFuture<MethodResult> invoke(String deviceId, MethodRequest request) {
		return invoke(deviceId, request, request.validatedPayload());
	}

	/**
	 * Invokes a method whose payload was validated and serialized once, for many devices
	 * (a job).
	 */
	public CompletableFuture<MethodResult> invoke(String deviceId, MethodRequest request, byte[] payload) {
		this.registry.get(deviceId);
		Pending pending = new Pending(Long.toHexString(this.requestIds.incrementAndGet()), deviceId, request, payload);
		if (!send(pending)) {
			if (request.connectTimeout().isZero()) {
				pending.future().completeExceptionally(IotHubErrors.deviceNotOnline(request.connectTimeout()));
			}
			else {
				Queue<Pending> queue = this.waitingForDevice.computeIfAbsent(deviceId,
						(id) -> new ConcurrentLinkedQueue<>());
				queue.add(pending);
				this.timer.newTimeout((timeout) -> {
					queue.remove(pending);
					if (!pending.sent().get()) {
						pending.future().completeExceptionally(IotHubErrors.deviceNotOnline(request.connectTimeout()));
					}
				}, request.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
				trySend(queue, pending);
			}
		}
		return pending.future();
	}

	/**
	 * Called when a device becomes able to take method calls; sends what waits for it.
	 */
	public void deviceReady(String deviceId) {
		Queue<Pending> queue = this.waitingForDevice.get(deviceId);
		if (queue != null) {
			for (Pending pending : List.copyOf(queue)) {
				trySend(queue, pending);
			}
		}
	}

	/** Called with a device's response; false when no call waits for that request id. */
	public boolean complete(String deviceId, String requestId, int status, JsonNode payload) {
		Pending pending = this.inFlight.get(requestId);
		if (pending == null || !pending.deviceId().equals(deviceId) || !this.inFlight.remove(requestId, pending)) {
			return false;
		}
		Timeout timeout = pending.responseTimeout();
		if (timeout != null) {
			timeout.cancel();
		}
		return pending.future().complete(new MethodResult(status, payload));
	}

	/** Calls not yet answered, for tests and metrics. */
	public int inFlightCount() {
		return this.inFlight.size();
	}

	private void trySend(Queue<Pending> queue, Pending pending) {
		if (queue.remove(pending) && !send(pending) && !pending.future().isDone()) {
			queue.add(pending);
		}
	}

	private boolean send(Pending pending) {
		this.inFlight.put(pending.requestId(), pending);
		pending.sent().set(true);
		if (!this.transport.send(pending.deviceId(), pending.request().methodName(), pending.requestId(),
				pending.payload())) {
			this.inFlight.remove(pending.requestId());
			pending.sent().set(false);
			return false;
		}
		pending.responseTimeout(this.timer.newTimeout((timeout) -> {
			if (this.inFlight.remove(pending.requestId(), pending)) {
				pending.future().completeExceptionally(IotHubErrors.gatewayTimeout());
			}
		}, pending.request().responseTimeout().toMillis(), TimeUnit.MILLISECONDS));
		return true;
	}

	private static final class Pending {

		private final String requestId;

		private final String deviceId;

		private final MethodRequest request;

		private final byte[] payload;

		private final CompletableFuture<MethodResult> future = new CompletableFuture<>();

		private final AtomicBoolean sent = new AtomicBoolean();

		private volatile Timeout responseTimeout;

		Pending(String requestId, String deviceId, MethodRequest request, byte[] payload) {
			this.requestId = requestId;
			this.deviceId = deviceId;
			this.request = request;
			this.payload = payload;
		}

		String requestId() {
			return this.requestId;
		}

		String deviceId() {
			return this.deviceId;
		}

		MethodRequest request() {
			return this.request;
		}

		byte[] payload() {
			return this.payload;
		}

		CompletableFuture<MethodResult> future() {
			return this.future;
		}

		AtomicBoolean sent() {
			return this.sent;
		}

		Timeout responseTimeout() {
			return this.responseTimeout;
		}

		void responseTimeout(Timeout timeout) {
			this.responseTimeout = timeout;
		}

	}

}
