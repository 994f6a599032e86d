package dev.fleetjobs.executor.hub;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.azure.sdk.iot.service.exceptions.IotHubBadFormatException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubBadGatewayException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubConflictException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubGatewayTimeoutException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubInternalServerErrorException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubNotFoundException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubPreconditionFailedException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubServerBusyException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubTooManyDevicesException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubTooManyRequestsException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubUnauthorizedException;
import dev.fleetjobs.executor.scheduling.HubCallException;

/**
 * The SDK's exceptions as {@link HubCallException}: the HTTP status (the SDK picks the
 * exception class by status), the hub's error name from {@code ErrorCode:<Name>;} when
 * the body has one (else the SDK's numeric code), and the hub's message.
 */
final class HubErrors {

	private static final Pattern ERROR_NAME = Pattern.compile("ErrorCode:(\\w+);");

	/** The SDK's exception class for each HTTP status (IotHubExceptionManager). */
	private static final Map<Class<? extends IotHubException>, Integer> STATUSES = Map.ofEntries(
			Map.entry(IotHubBadFormatException.class, 400), Map.entry(IotHubUnauthorizedException.class, 401),
			Map.entry(IotHubTooManyDevicesException.class, 403), Map.entry(IotHubNotFoundException.class, 404),
			Map.entry(IotHubConflictException.class, 409), Map.entry(IotHubPreconditionFailedException.class, 412),
			Map.entry(IotHubTooManyRequestsException.class, 429),
			Map.entry(IotHubInternalServerErrorException.class, 500), Map.entry(IotHubBadGatewayException.class, 502),
			Map.entry(IotHubServerBusyException.class, 503), Map.entry(IotHubGatewayTimeoutException.class, 504));

	private HubErrors() {
	}

	static HubCallException from(String operation, IotHubException ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : "(no message)";
		Matcher name = ERROR_NAME.matcher(message);
		String errorCode = String.valueOf(ex.getErrorCode());
		if (name.find()) {
			errorCode = name.group(1);
			message = (message.substring(0, name.start()) + message.substring(name.end())).trim();
		}
		return new HubCallException(operation, status(ex), errorCode, message, ex);
	}

	static HubCallException io(String operation, IOException ex) {
		return new HubCallException(operation, 0, HubCallException.IO_ERROR,
				ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
	}

	/** An answer the SDK could not parse, or a request it refused to send. */
	static HubCallException sdk(String operation, RuntimeException ex) {
		return new HubCallException(operation, 0, "SdkError", ex.getClass().getSimpleName() + ": " + ex.getMessage(),
				ex);
	}

	static int status(IotHubException ex) {
		for (Map.Entry<Class<? extends IotHubException>, Integer> status : STATUSES.entrySet()) {
			if (status.getKey().isInstance(ex)) {
				return status.getValue();
			}
		}
		int code = ex.getErrorCode();
		if (code >= 100_000) {
			return code / 1000;
		}
		return (code >= 300 && code < 600) ? code : 500;
	}

}
