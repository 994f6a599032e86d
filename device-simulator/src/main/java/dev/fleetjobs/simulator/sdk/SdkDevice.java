package dev.fleetjobs.simulator.sdk;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.device.twin.Twin;

import dev.fleetjobs.simulator.device.MethodReply;
import dev.fleetjobs.simulator.engine.DeviceHandle;
import tools.jackson.databind.node.ObjectNode;

/**
 * One device on its own official DeviceClient: subscribes to methods and desired
 * properties, reconciles its twin after every (re)connect, and answers through the shared
 * {@link dev.fleetjobs.simulator.device.DoorLock}.
 */
final class SdkDevice {

	private static final Logger log = LoggerFactory.getLogger(SdkDevice.class);

	private final SdkDeviceEngine engine;

	private final DeviceHandle device;

	private static final Duration TWIN_READ_TIMEOUT = Duration.ofSeconds(10);

	private static final int MAX_TWIN_READS = 6;

	private static final Duration OPEN_WAIT = Duration.ofSeconds(10);

	private final AtomicInteger twinReads = new AtomicInteger();

	private volatile CountDownLatch opened = new CountDownLatch(0);

	private volatile DeviceClient client;

	SdkDevice(SdkDeviceEngine engine, DeviceHandle device) {
		this.engine = engine;
		this.device = device;
	}

	/**
	 * Opens the device's client (the same instance on every reconnect, so the method
	 * callback is still registered when the hub delivers a call that waited for the
	 * device), subscribes and reconciles.
	 */
	synchronized void open() {
		DeviceClient current = this.client;
		if (current == null) {
			current = this.engine.newClient(this.device.credentials());
			current.setConnectionStatusChangeCallback(this::statusChanged, null);
			this.client = current;
		}
		CountDownLatch opening = new CountDownLatch(1);
		this.opened = opening;
		try {
			current.open(true);
			opening.countDown();
			current.subscribeToMethods(this::onMethod, null);
			current.subscribeToDesiredProperties(this::onDesired, null);
			this.engine.connected(this.device);
			requestTwin(current, 1);
		}
		catch (IotHubClientException | RuntimeException ex) {
			closeQuietly(current);
			throw new IllegalStateException("Device " + this.device.deviceId() + " could not connect", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			closeQuietly(current);
			throw new IllegalStateException("Interrupted while connecting " + this.device.deviceId(), ex);
		}
	}

	synchronized void close() {
		DeviceClient current = this.client;
		if (current != null) {
			closeQuietly(current);
		}
		this.engine.disconnected(this.device, null);
	}

	private DirectMethodResponse onMethod(String methodName, DirectMethodPayload payload, Object context) {
		awaitOpened();
		MethodReply reply = this.engine.methodCalled(this.device, methodName, payload.getPayloadAsJsonString());
		try {
			if (!reply.delay().isZero()) {
				Thread.sleep(reply.delay().toMillis());
			}
			if (reply.reported() != null) {
				report(reply.reported());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.engine.methodAnswered(this.device, methodName, reply.status());
		}
		return new DirectMethodResponse(reply.status(), SdkJson.gson(reply.payload()));
	}

	/**
	 * A call that waited for the device arrives as soon as it connects, and the SDK runs
	 * this callback before its own open() has returned; an answer sent then is refused
	 * ("User callback did not succeed") and the call times out. So the callback waits
	 * until the client is open.
	 */
	private void awaitOpened() {
		try {
			if (!this.opened.await(OPEN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("Device {} answers a call before its client finished opening", this.device.deviceId());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void onDesired(Twin twin, Object context) {
		report(this.engine.desiredChanged(this.device, SdkJson.properties(twin.getDesiredProperties()),
				SdkJson.version(twin.getDesiredProperties())));
	}

	/**
	 * Reads the twin and reconciles, asynchronously. Against a hub on the same machine
	 * the SDK now and then misses a twin answer that arrives within microseconds of its
	 * request (it logs "acknowledged by service was not sent by this client"), so an
	 * unanswered read is asked again rather than waited on for the SDK's 60 s.
	 */
	private void requestTwin(DeviceClient current, int attempt) {
		int generation = this.twinReads.incrementAndGet();
		try {
			current.getTwinAsync((twin, exception, context) -> {
				if (twin != null && this.twinReads.compareAndSet(generation, generation + 1)) {
					reconcile(twin);
				}
			}, null);
		}
		catch (IllegalStateException ex) {
			return; // closed meanwhile; the next open reads the twin again
		}
		this.engine.later(() -> {
			if (this.twinReads.get() == generation && this.client == current && this.device.isConnected()) {
				if (attempt < MAX_TWIN_READS) {
					requestTwin(current, attempt + 1);
				}
				else {
					log.warn("Device {} got no answer to {} twin reads; it reconciles at its next connect",
							this.device.deviceId(), attempt);
				}
			}
		}, TWIN_READ_TIMEOUT);
	}

	private void reconcile(Twin twin) {
		ObjectNode patch = this.device.lock()
			.reconcile(SdkJson.properties(twin.getDesiredProperties()), SdkJson.version(twin.getDesiredProperties()),
					SdkJson.properties(twin.getReportedProperties()));
		if (patch != null) {
			report(patch);
		}
	}

	/**
	 * Queues a reported patch; the SDK sends it before anything queued later. Right after
	 * a reconnect a call can arrive before the twin subscription is back; the SDK then
	 * refuses the patch, and the reconcile that follows every open reports the state.
	 */
	private void report(ObjectNode patch) {
		DeviceClient current = this.client;
		if (current == null) {
			return;
		}
		try {
			current.updateReportedPropertiesAsync(SdkJson.twinCollection(patch), (status, response, exception,
					context) -> this.engine.reportAcknowledged(this.device, status == IotHubStatusCode.OK), null);
		}
		catch (RuntimeException ex) {
			// IllegalStateException, or a NullPointerException from inside the SDK while
			// its
			// twin is not set up again yet
			log.debug("Device {} reports after its twin subscription is back: {}", this.device.deviceId(),
					ex.toString());
		}
	}

	private void statusChanged(ConnectionStatusChangeContext change) {
		IotHubConnectionStatus status = change.getNewStatus();
		if (status == IotHubConnectionStatus.CONNECTED
				&& change.getPreviousStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
			// The SDK reconnected on its own; callbacks and (kept) subscriptions still
			// hold.
			this.engine.connected(this.device);
			DeviceClient current = this.client;
			if (current != null) {
				requestTwin(current, 1);
			}
		}
		else if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
			log.info("Device {} lost its connection ({}); the SDK is reconnecting", this.device.deviceId(),
					change.getNewStatusReason());
			this.engine.disconnected(this.device, null);
		}
		else if (status == IotHubConnectionStatus.DISCONNECTED
				&& change.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
			log.warn("Device {} is disconnected ({}); reopening later", this.device.deviceId(),
					change.getNewStatusReason());
			this.engine.disconnected(this.device, this.engine.retryDelay());
		}
	}

	private static void closeQuietly(DeviceClient client) {
		try {
			client.close();
		}
		catch (RuntimeException ex) {
			log.debug("Closing a device client failed", ex);
		}
	}

}
