package dev.fleetjobs.simulator.provisioning;

/** The hub refused or failed a registry call; the message never holds a key or token. */
public class ProvisioningException extends RuntimeException {

	ProvisioningException(String message) {
		super(message);
	}

	ProvisioningException(String message, Throwable cause) {
		super(message + ": " + cause.getMessage(), cause);
	}

}
