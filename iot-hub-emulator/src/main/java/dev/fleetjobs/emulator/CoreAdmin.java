package dev.fleetjobs.emulator;

import dev.fleetjobs.emulator.admin.AdminApi;
import dev.fleetjobs.emulator.faults.CallCounters;
import dev.fleetjobs.emulator.faults.FaultInjector;
import dev.fleetjobs.emulator.throttling.TierProfile;

/** The admin controls on the core; shared by the admin port and the Java API. */
final class CoreAdmin implements AdminApi {

	private final EmulatorCore core;

	CoreAdmin(EmulatorCore core) {
		this.core = core;
	}

	@Override
	public TierProfile tier() {
		return this.core.quotas.profile();
	}

	@Override
	public void tier(TierProfile profile) {
		this.core.quotas.profile(profile);
	}

	@Override
	public FaultInjector faults() {
		return this.core.faults;
	}

	@Override
	public CallCounters calls() {
		return this.core.calls;
	}

	@Override
	public boolean disconnect(String deviceId) {
		boolean connected = this.core.sessions.isConnected(deviceId);
		this.core.sessions.disconnect(deviceId);
		return connected;
	}

	@Override
	public int disconnectAllDevices() {
		int connected = this.core.sessions.connectedCount();
		this.core.sessions.closeAll();
		return connected;
	}

}
