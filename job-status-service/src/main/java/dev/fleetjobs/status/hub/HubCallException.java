package dev.fleetjobs.status.hub;

import java.io.IOException;

import com.microsoft.azure.sdk.iot.service.exceptions.IotHubBadGatewayException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubGatewayTimeoutException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubInternalServerErrorException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubNotFoundException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubServerBusyException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubTooManyRequestsException;

/**
 * A hub call that did not succeed, classified for the pollers: throttled (back off), not
 * found, unavailable (5xx or I/O: try again later) or refused (any other 4xx).
 */
public class HubCallException extends Exception {

	private final Kind kind;

	private final HubOperation operation;

	public HubCallException(HubOperation operation, Kind kind, String message, Throwable cause) {
		super(operation.tag() + ": " + message, cause);
		this.operation = operation;
		this.kind = kind;
	}

	/** Classifies what an SDK call threw. */
	public static HubCallException of(HubOperation operation, Exception ex) {
		Kind kind;
		if (ex instanceof IotHubTooManyRequestsException || ex instanceof IotHubServerBusyException) {
			kind = Kind.THROTTLED;
		}
		else if (ex instanceof IotHubNotFoundException) {
			kind = Kind.NOT_FOUND;
		}
		else if (ex instanceof IOException || ex instanceof IotHubInternalServerErrorException
				|| ex instanceof IotHubBadGatewayException || ex instanceof IotHubGatewayTimeoutException) {
			kind = Kind.UNAVAILABLE;
		}
		else if (ex instanceof IotHubException) {
			kind = Kind.REFUSED;
		}
		else {
			kind = Kind.UNAVAILABLE;
		}
		return new HubCallException(operation, kind, String.valueOf(ex.getMessage()), ex);
	}

	public Kind kind() {
		return this.kind;
	}

	public HubOperation operation() {
		return this.operation;
	}

	/** How a call failed. */
	public enum Kind {

		THROTTLED, NOT_FOUND, UNAVAILABLE, REFUSED;

		/** The metric outcome tag. */
		public String tag() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

}
