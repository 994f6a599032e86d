package dev.fleetjobs.simulator.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fleetjobs.simulator.device.DeviceFaults.ChurnSchedule;

/**
 * Makes churning devices drop their connection at {@code phase + k * period} and come
 * back after their downtime. A device never drops while it is answering a method, so a
 * call that reached it is always answered.
 */
public final class ChurnScheduler implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ChurnScheduler.class);

	private static final long BUSY_RETRY_MILLIS = 100;

	private final DeviceEngine engine;

	private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "simulator-churn");
		thread.setDaemon(true);
		return thread;
	});

	public ChurnScheduler(DeviceEngine engine) {
		this.engine = engine;
	}

	/** Starts churning the devices whose faults include churn; returns how many. */
	public int start(List<DeviceHandle> devices) {
		int churning = 0;
		for (DeviceHandle device : devices) {
			ChurnSchedule churn = device.lock().faults().churn();
			if (churn != null) {
				schedule(device, churn, churn.phase());
				churning++;
			}
		}
		if (churning > 0) {
			log.info("{} devices churn", churning);
		}
		return churning;
	}

	/** Connects each late device once its delay (from now) has passed. */
	public void connectLater(List<DeviceHandle> devices) {
		for (DeviceHandle device : devices) {
			this.timer.schedule(() -> {
				this.engine.connect(device);
			}, device.lock().faults().lateBy().toMillis(), TimeUnit.MILLISECONDS);
		}
		if (!devices.isEmpty()) {
			log.info("{} devices connect late", devices.size());
		}
	}

	private void schedule(DeviceHandle device, ChurnSchedule churn, Duration delay) {
		if (this.timer.isShutdown()) {
			return;
		}
		this.timer.schedule(() -> drop(device, churn), Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
	}

	private void drop(DeviceHandle device, ChurnSchedule churn) {
		if (device.inFlight() > 0 || !device.isConnected()) {
			this.timer.schedule(() -> drop(device, churn), BUSY_RETRY_MILLIS, TimeUnit.MILLISECONDS);
			return;
		}
		this.engine.disconnect(device).whenComplete((ok, failure) -> {
			if (!this.timer.isShutdown()) {
				this.timer.schedule(() -> {
					this.engine.connect(device);
					schedule(device, churn, churn.period());
				}, churn.downtime().toMillis(), TimeUnit.MILLISECONDS);
			}
		});
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
