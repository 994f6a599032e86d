package dev.fleetjobs.status.security;

import java.nio.file.Path;
import java.util.List;

import dev.fleetjobs.support.security.ApiKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the read API: the same configuration format and scopes as
 * job-request-service.
 *
 * @param apiKeys API keys, stored as SHA-256 hashes; this service needs {@code jobs:read}
 * @param localKeyFile a key file that job-request-service generated
 * ({@code api-keys.properties}: name, sha256, scopes); its key is accepted too, so one
 * local key serves both services. Read again when it changes; ignored when missing.
 * @param jwtHmacSecret an HS256 secret (at least 32 bytes) for locally signed JWTs; for a
 * real issuer set {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or
 * {@code jwk-set-uri} instead
 */
@Validated
@ConfigurationProperties("fleetjobs.security")
record SecurityProperties(@Valid @DefaultValue List<ApiKey> apiKeys, Path localKeyFile,
		@Size(min = 32) String jwtHmacSecret) {

	@Override
	public String toString() {
		return "SecurityProperties[apiKeys=" + this.apiKeys + ", localKeyFile=" + this.localKeyFile + ", jwtHmacSecret="
				+ ((this.jwtHmacSecret != null) ? "****" : "none") + "]";
	}

}
