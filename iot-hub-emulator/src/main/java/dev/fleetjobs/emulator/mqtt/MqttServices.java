package dev.fleetjobs.emulator.mqtt;

import dev.fleetjobs.emulator.auth.SasAuthenticator;
import dev.fleetjobs.emulator.methods.MethodService;
import dev.fleetjobs.emulator.store.Store;
import dev.fleetjobs.emulator.twins.TwinService;

/** The core services the device endpoint translates to, and the store it commits. */
public record MqttServices(SasAuthenticator authenticator, DeviceSessions sessions, TwinService twins,
		MethodService methods, Store store) {
}
