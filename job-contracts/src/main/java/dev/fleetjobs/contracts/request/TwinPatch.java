package dev.fleetjobs.contracts.request;

import java.util.Map;

/**
 * A device twin update, merged into each device's twin. A {@code null} value deletes a
 * property. At least one of the two is non-empty.
 *
 * @param desiredProperties merged into {@code properties.desired}
 * @param tags merged into {@code tags}
 */
public record TwinPatch(Map<String, Object> desiredProperties, Map<String, Object> tags) {
}
