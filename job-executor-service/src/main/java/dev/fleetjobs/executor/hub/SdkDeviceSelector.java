package dev.fleetjobs.executor.hub;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.azure.sdk.iot.service.exceptions.IotHubException;
import com.microsoft.azure.sdk.iot.service.query.QueryPageOptions;
import com.microsoft.azure.sdk.iot.service.query.RawQueryResponse;
import dev.fleetjobs.executor.rollout.DeviceSelector;
import dev.fleetjobs.executor.rollout.RolloutProperties;
import dev.fleetjobs.executor.scheduling.HubCallException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code SELECT deviceId FROM devices WHERE <condition>} through the official
 * {@code QueryClient.queryRaw}, page by page (each page one query of the hub's quota),
 * timed as {@code fleetjobs_hub_call_seconds{operation="select"}}.
 */
@Component
class SdkDeviceSelector implements DeviceSelector {

	private final HubConnection connection;

	private final JsonMapper json;

	private final MeterRegistry registry;

	private final int pageSize;

	SdkDeviceSelector(HubConnection connection, JsonMapper json, MeterRegistry registry, RolloutProperties properties) {
		this.connection = connection;
		this.json = json;
		this.registry = registry;
		this.pageSize = properties.targetPageSize();
	}

	@Override
	public List<String> select(String condition) throws HubCallException {
		String query = "*".equals(condition.trim()) ? "SELECT deviceId FROM devices"
				: "SELECT deviceId FROM devices WHERE " + condition;
		Timer.Sample sample = Timer.start(this.registry);
		String outcome = "success";
		try {
			this.connection.renewCredentialsIfDue();
			QueryPageOptions page = QueryPageOptions.builder().pageSize(this.pageSize).build();
			RawQueryResponse response = this.connection.queries().queryRaw(query, page);
			List<String> ids = new ArrayList<>();
			while (response.hasNext()) {
				JsonNode item = this.json.readTree(response.next(page));
				String id = item.path("deviceId").asString(null);
				if (id != null) {
					ids.add(id);
				}
			}
			return ids;
		}
		catch (IotHubException ex) {
			HubCallException failure = HubErrors.from("select", ex);
			outcome = failure.kind();
			throw failure;
		}
		catch (java.io.IOException ex) {
			outcome = "io_error";
			throw HubErrors.io("select", ex);
		}
		catch (RuntimeException ex) {
			outcome = "sdk_error";
			throw HubErrors.sdk("select", ex);
		}
		finally {
			sample.stop(Timer.builder("fleetjobs.hub.call")
				.description("IoT Hub calls by operation and outcome")
				.tag("operation", "select")
				.tag("outcome", outcome)
				.publishPercentileHistogram()
				.register(this.registry));
		}
	}

}
