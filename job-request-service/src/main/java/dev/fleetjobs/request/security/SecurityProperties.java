package dev.fleetjobs.request.security;

import java.nio.file.Path;
import java.util.List;

import dev.fleetjobs.support.security.ApiKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the REST API.
 *
 * @param apiKeys API keys, stored as SHA-256 hashes; when empty and
 * {@code generateLocalKey} is set, a local key is generated at first start
 * @param dataDir where the generated local key's hash is kept
 * @param generateLocalKey whether to generate a local key when none is configured
 * @param jwtHmacSecret an HS256 secret (at least 32 bytes) for locally signed JWTs; for a
 * real issuer set {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or
 * {@code jwk-set-uri} instead
 */
@Validated
@ConfigurationProperties("fleetjobs.security")
record SecurityProperties(@Valid @DefaultValue List<ApiKey> apiKeys, @NotNull Path dataDir,
		@DefaultValue("true") boolean generateLocalKey, @Size(min = 32) String jwtHmacSecret) {

	@Override
	public String toString() {
		return "SecurityProperties[apiKeys=" + this.apiKeys + ", dataDir=" + this.dataDir + ", generateLocalKey="
				+ this.generateLocalKey + ", jwtHmacSecret=" + ((this.jwtHmacSecret != null) ? "****" : "none") + "]";
	}

}
