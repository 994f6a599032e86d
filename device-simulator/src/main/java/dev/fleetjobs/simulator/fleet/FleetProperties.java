package dev.fleetjobs.simulator.fleet;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulated fleet: how many door locks, how their ids are made, how they spread over
 * buildings and floors, their other tags, and which shard of the fleet this process runs.
 *
 * @param count devices in the whole fleet (all shards)
 * @param idPattern device ids; {@code {building}}, {@code {floor}}, {@code {index}}
 * (within the floor, from 1) and {@code {n}} (in the fleet, from 1)
 * @param buildings devices get tag {@code building} 1..buildings
 * @param floors devices get tag {@code floor} 1..floors
 * @param tags more tags for every device (e.g. {@code kind: door-lock})
 * @param shard {@code i/n}: this process runs the devices whose fleet position modulo n
 * is i (0-based); also {@code --shard=i/n}
 */
@Validated
@ConfigurationProperties("fleetjobs.simulator.fleet")
public record FleetProperties(@DefaultValue("100") @Min(1) @Max(1_000_000) int count,
		@DefaultValue("lock-{building}-{floor}-{index}") @NotBlank String idPattern,
		@DefaultValue("10") @Min(1) @Max(100_000) int buildings, @DefaultValue("5") @Min(1) @Max(1_000) int floors,
		@NotNull @DefaultValue Map<String, String> tags,
		@DefaultValue("0/1") @Pattern(regexp = "\\d+/\\d+", message = "must look like i/n, e.g. 0/4") String shard) {

}
