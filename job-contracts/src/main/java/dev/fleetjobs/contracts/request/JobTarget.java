package dev.fleetjobs.contracts.request;

import java.util.List;
import java.util.Map;

/**
 * Which devices a job runs on. Exactly one of the three is set.
 *
 * @param queryCondition an IoT Hub query condition (the WHERE part of a device query),
 * e.g. {@code tags.building = 43 AND tags.floor = 3}
 * @param deviceIds explicit device ids; become {@code deviceId IN ['a','b']}
 * @param tags tag equality filters; {@code {"building":43,"floor":3}} becomes
 * {@code tags.building = 43 AND tags.floor = 3}
 */
public record JobTarget(String queryCondition, List<String> deviceIds, Map<String, Object> tags) {
}
