package dev.fleetjobs.support.security;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One configured API key ({@code fleetjobs.security.api-keys[n]}). Shared so that one key
 * configuration serves job-request-service and job-status-service alike.
 * {@link #toString()} masks the hash.
 *
 * @param name shown as the principal in commands and logs
 * @param hash the SHA-256 of the key, 64 hex digits
 * @param scopes some of {@code jobs:submit}, {@code jobs:cancel}, {@code jobs:read}; each
 * service checks the ones its endpoints need
 */
public record ApiKey(@NotBlank String name, @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}") String hash,
		@NotEmpty List<@Pattern(regexp = "jobs:(submit|cancel|read)") String> scopes) {

	@Override
	public String toString() {
		return "ApiKey[name=" + this.name + ", hash=****, scopes=" + this.scopes + "]";
	}

}
