package dev.fleetjobs.emulator.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.fleetjobs.emulator.errors.IotHubErrors;
import dev.fleetjobs.emulator.json.Json;
import io.netty.handler.codec.http.FullHttpResponse;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Error responses in the hub's format, with the iothub-errorcode header. */
class RestHandlerTests {

	@Test
	void flatErrorsCarryTheCodeNameInMessageAndHeader() {
		FullHttpResponse response = RestHandler.toHttp(IotHubErrors.deviceNotFound("d1"), "GET /devices/d1");

		JsonNode body = Json.read(response.content().toString(StandardCharsets.UTF_8));
		assertThat(response.status().code()).isEqualTo(404);
		assertThat(response.headers().get("iothub-errorcode")).isEqualTo("DeviceNotFound");
		assertThat(response.headers().get("content-type")).isEqualTo("application/json; charset=utf-8");
		assertThat(body.get("Message").asString()).isEqualTo("ErrorCode:DeviceNotFound;Device d1 not found.");
		assertThat(body.get("ExceptionMessage").asString()).startsWith("Tracking ID:");
	}

	@Test
	void methodErrorsNestANumericCodeInMessage() {
		FullHttpResponse response = RestHandler.toHttp(IotHubErrors.deviceNotOnline(Duration.ofSeconds(90)),
				"POST /twins/d1/methods");

		JsonNode inner = Json
			.read(Json.read(response.content().toString(StandardCharsets.UTF_8)).get("Message").asString());
		assertThat(response.status().code()).isEqualTo(404);
		assertThat(inner.get("errorCode").asInt()).isEqualTo(404103);
		assertThat(inner.at("/info/timeout").asString()).isEqualTo("00:01:30");
	}

	@Test
	void unexpectedFailuresBecomeServerErrorsWithoutDetails() {
		FullHttpResponse response = RestHandler.toHttp(new IllegalStateException("secret detail"), "GET /x");

		assertThat(response.status().code()).isEqualTo(500);
		assertThat(response.content().toString(StandardCharsets.UTF_8)).doesNotContain("secret detail")
			.contains("ServerError");
	}

}
