package dev.fleetjobs.executor.hub;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.microsoft.azure.sdk.iot.service.exceptions.IotHubException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubExceptionManager;
import com.microsoft.azure.sdk.iot.service.transport.http.HttpResponse;
import dev.fleetjobs.executor.scheduling.HubCallException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDK's exceptions, built by the SDK from hub error bodies, as HubCallExceptions. */
class HubErrorsTests {

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "400, ArgumentInvalid, false, client_error", "401, IotHubUnauthorizedAccess, false, client_error",
			"403, IotHubQuotaExceeded, false, client_error", "404, JobNotFound, false, not_found",
			"409, JobAlreadyExists, false, conflict", "429, ThrottlingMaxActiveJobCountExceeded, true, throttled",
			"429, ThrottlingException, true, throttled", "500, ServerError, true, server_error",
			"503, ServiceUnavailable, true, server_error", "504, GatewayTimeout, true, server_error" })
	void givenAHubErrorBodyThenStatusCodeAndMessageAreKept(int status, String name, boolean transientFailure,
			String kind) {
		// Given the exception the SDK makes of the hub's error body
		String body = "{\"Message\":\"ErrorCode:" + name + ";Something about it.\",\"ExceptionMessage\":"
				+ "\"Tracking ID:abc-G:0-TimeStamp:11/26/2026 12:00:00\"}";
		IotHubException sdk = fromHub(status, body);

		// When it is translated
		HubCallException failure = HubErrors.from("create", sdk);

		// Then the status, the hub's error name and its message survive
		assertThat(failure.httpStatus()).isEqualTo(status);
		assertThat(failure.errorCode()).isEqualTo(name);
		assertThat(failure.getMessage()).startsWith("Something about it.").contains("Tracking ID:abc");
		assertThat(failure.isTransient()).isEqualTo(transientFailure);
		assertThat(failure.kind()).isEqualTo(kind);
		assertThat(failure.describe()).isEqualTo("HTTP " + status + " " + name + ": " + failure.getMessage());
	}

	@Test
	void givenABodyWithoutAnErrorNameThenTheSdksNumericCodeIsUsed() {
		IotHubException sdk = fromHub(501,
				"{\"Message\":\"{\\\"errorCode\\\":501001,\\\"message\\\":\\\"not here\\\"}\",\"ExceptionMessage\":\"\"}");

		HubCallException failure = HubErrors.from("get", sdk);

		assertThat(failure.httpStatus()).isEqualTo(501);
		assertThat(failure.errorCode()).isEqualTo("501001");
		assertThat(failure.isTransient()).isTrue();
	}

	/** What the SDK throws for an HTTP answer with this status and error body. */
	private static IotHubException fromHub(int status, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try {
			IotHubExceptionManager.httpResponseVerification(new HttpResponse(status, bytes, Map.of(), bytes));
		}
		catch (IotHubException ex) {
			return ex;
		}
		throw new AssertionError("The SDK accepted status " + status);
	}

	@Test
	void givenAnIoFailureThenItIsTransientWithoutAStatus() {
		HubCallException failure = HubErrors.io("create", new SocketTimeoutException("Read timed out"));

		assertThat(failure.httpStatus()).isZero();
		assertThat(failure.isTransient()).isTrue();
		assertThat(failure.kind()).isEqualTo("io_error");
		assertThat(failure.describe()).isEqualTo("no answer IOError: SocketTimeoutException: Read timed out");
	}

	@Test
	void givenAnAnswerTheSdkCannotReadThenItIsPermanent() {
		HubCallException failure = HubErrors.sdk("create", new IllegalArgumentException("Malformed json"));

		assertThat(failure.isTransient()).isFalse();
		assertThat(failure.kind()).isEqualTo("sdk_error");
		assertThat(failure.errorCode()).isEqualTo("SdkError");
	}

}
