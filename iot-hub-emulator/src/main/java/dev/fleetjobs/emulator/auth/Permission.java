package dev.fleetjobs.emulator.auth;

/** The hub's shared-access permissions. */
public enum Permission {

	REGISTRY_READ, REGISTRY_WRITE, SERVICE_CONNECT, DEVICE_CONNECT

}
