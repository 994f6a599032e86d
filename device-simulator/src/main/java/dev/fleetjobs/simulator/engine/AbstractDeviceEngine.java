package dev.fleetjobs.simulator.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.simulator.device.MethodReply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What both engines share: bounded parallel connects with retries, the connected count,
 * method bookkeeping and events. Subclasses only speak their transport.
 */
public abstract class AbstractDeviceEngine implements DeviceEngine {

	private static final Logger log = LoggerFactory.getLogger(AbstractDeviceEngine.class);

	protected final EngineProperties properties;

	protected final FleetEvents events;

	/** Delayed answers, retries and timeouts; never blocks. */
	private final ScheduledExecutorService scheduler;

	private final AtomicInteger connected = new AtomicInteger();

	private final Map<String, DeviceHandle> wanted = new ConcurrentHashMap<>();

	private volatile boolean closed;

	protected AbstractDeviceEngine(EngineProperties properties, FleetEvents events, String name) {
		this.properties = properties;
		this.events = events;
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "simulator-" + name + "-timer");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public int connectAll(List<DeviceHandle> devices) throws InterruptedException {
		Semaphore permits = new Semaphore(this.properties.connectConcurrency());
		List<CompletableFuture<Void>> attempts = new ArrayList<>(devices.size());
		for (DeviceHandle device : devices) {
			permits.acquire();
			attempts.add(connect(device).whenComplete((ok, failure) -> permits.release()));
		}
		int ok = 0;
		for (CompletableFuture<Void> attempt : attempts) {
			try {
				attempt.join();
				ok++;
			}
			catch (RuntimeException ex) {
				// counted as failed; the device retries
			}
		}
		return ok;
	}

	@Override
	public final CompletableFuture<Void> connect(DeviceHandle device) {
		if (this.closed) {
			return CompletableFuture.failedFuture(new IllegalStateException("The engine is closed"));
		}
		this.wanted.put(device.deviceId(), device);
		return open(device).whenComplete((ok, failure) -> {
			if (failure != null) {
				this.events.connectFailed(device.deviceId(), failure);
				log.warn("Device {} could not connect ({}); retrying in {}", device.deviceId(), rootMessage(failure),
						this.properties.retryDelay());
				later(() -> retry(device), this.properties.retryDelay());
			}
		});
	}

	@Override
	public final CompletableFuture<Void> disconnect(DeviceHandle device) {
		this.wanted.remove(device.deviceId());
		return close(device);
	}

	@Override
	public int connectedCount() {
		return this.connected.get();
	}

	@Override
	public void close() {
		this.closed = true;
		this.scheduler.shutdownNow();
		List<CompletableFuture<Void>> closing = new ArrayList<>();
		for (DeviceHandle device : List.copyOf(this.wanted.values())) {
			closing.add(disconnect(device).exceptionally((failure) -> null));
		}
		try {
			CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
				.get(this.properties.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			log.warn("{} devices were still disconnecting after {}",
					closing.stream().filter((f) -> !f.isDone()).count(), this.properties.shutdownTimeout());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			log.warn("Disconnecting devices failed: {}", rootMessage(ex));
		}
		closeTransport();
	}

	/** Opens a device's connection, subscribes and reconciles its twin. */
	protected abstract CompletableFuture<Void> open(DeviceHandle device);

	/** Closes a device's connection. */
	protected abstract CompletableFuture<Void> close(DeviceHandle device);

	/** Releases what the engine shares (event loops, thread pools). */
	protected abstract void closeTransport();

	protected boolean isClosed() {
		return this.closed;
	}

	/** Whether the device should be connected (not disconnected on purpose). */
	protected boolean isWanted(DeviceHandle device) {
		return !this.closed && this.wanted.get(device.deviceId()) == device;
	}

	// For the engines' per-device adapters.

	/** The device is connected and subscribed. */
	public final void connected(DeviceHandle device) {
		if (device.markConnected()) {
			this.connected.incrementAndGet();
			this.events.connected(device.deviceId(), device.isReconnect());
		}
	}

	/**
	 * The device lost its connection; with a delay, it connects again after it (unless it
	 * was disconnected on purpose meanwhile).
	 */
	public final void disconnected(DeviceHandle device, Duration reconnectAfter) {
		if (device.markDisconnected()) {
			this.connected.decrementAndGet();
			this.events.disconnected(device.deviceId());
		}
		if (reconnectAfter != null && isWanted(device)) {
			later(() -> retry(device), reconnectAfter);
		}
	}

	/** Asks the device's behaviour for an answer; pair with {@link #methodAnswered}. */
	public final MethodReply methodCalled(DeviceHandle device, String methodName, String payloadJson) {
		device.methodStarted();
		return device.lock().onMethod(methodName, payloadJson);
	}

	public final void methodAnswered(DeviceHandle device, String methodName, int status) {
		device.methodDone();
		this.events.methodAnswered(methodName, status);
	}

	/** Applies a desired patch and returns the reported patch that acknowledges it. */
	public final ObjectNode desiredChanged(DeviceHandle device, JsonNode patch, long version) {
		ObjectNode reported = device.lock().onDesired(patch, version);
		this.events.desiredApplied(device.deviceId());
		return reported;
	}

	public final void reportAcknowledged(DeviceHandle device, boolean accepted) {
		this.events.reported(device.deviceId(), accepted);
		if (!accepted) {
			log.warn("The hub refused a reported-properties patch of {}", device.deviceId());
		}
	}

	/** How long a device waits before it tries to connect again. */
	public final Duration retryDelay() {
		return this.properties.retryDelay();
	}

	/**
	 * Runs a task later on the engine's timer; nothing happens once the engine closed.
	 */
	public final void later(Runnable task, Duration delay) {
		if (!this.closed) {
			try {
				this.scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// closing
			}
		}
	}

	private void retry(DeviceHandle device) {
		if (isWanted(device) && !device.isConnected()) {
			connect(device);
		}
	}

	protected static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
