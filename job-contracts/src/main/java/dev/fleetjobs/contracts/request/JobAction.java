package dev.fleetjobs.contracts.request;

/**
 * What a job does on each device. Exactly one of the two is set.
 *
 * @param directMethod invoke a direct method
 * @param twinUpdate update desired properties and/or tags
 */
public record JobAction(MethodInvocation directMethod, TwinPatch twinUpdate) {
}
