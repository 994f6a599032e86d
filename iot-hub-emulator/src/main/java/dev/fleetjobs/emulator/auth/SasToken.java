package dev.fleetjobs.emulator.auth;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A parsed {@code SharedAccessSignature} token (iot-hub-protocol.md §3). The signature is
 * checked over {@code sr} exactly as received.
 */
public record SasToken(String resource, String signature, long expiry, String keyName) {

	private static final String PREFIX = "SharedAccessSignature ";

	/** Parses a token; returns null when it is not a well-formed SAS token. */
	public static SasToken parse(String token) {
		if (token == null || !token.startsWith(PREFIX)) {
			return null;
		}
		Map<String, String> fields = new HashMap<>();
		for (String pair : token.substring(PREFIX.length()).trim().split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				fields.put(pair.substring(0, eq), pair.substring(eq + 1));
			}
		}
		String sr = fields.get("sr");
		String sig = fields.get("sig");
		String se = fields.get("se");
		if (sr == null || sig == null || se == null) {
			return null;
		}
		try {
			String skn = fields.get("skn");
			return new SasToken(sr, decode(sig), Long.parseLong(se), (skn != null) ? decode(skn) : null);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Creates a token as the SDKs do: {@code sr} URL-encoded and lower case. */
	public static String create(String resourceUri, String base64Key, String keyName, Instant expiry) {
		String sr = URLEncoder.encode(resourceUri.toLowerCase(), StandardCharsets.UTF_8);
		long se = expiry.getEpochSecond();
		String sig = URLEncoder.encode(sign(base64Key, sr + "\n" + se), StandardCharsets.UTF_8);
		return PREFIX + "sr=" + sr + "&sig=" + sig + "&se=" + se + ((keyName != null) ? "&skn=" + keyName : "");
	}

	/** The resource URI, decoded, without a trailing slash. */
	public String resourceUri() {
		String uri = decode(this.resource);
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
	}

	public boolean expiredAt(Instant now) {
		return this.expiry < now.getEpochSecond();
	}

	/** Whether the token is signed with this key (base64). */
	public boolean signedWith(String base64Key) {
		if (base64Key == null || base64Key.isEmpty()) {
			return false;
		}
		String expected = sign(base64Key, this.resource + "\n" + this.expiry);
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				this.signature.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "SasToken[resource=" + resourceUri() + ", keyName=" + this.keyName + ", expiry=" + this.expiry + "]";
	}

	static String sign(String base64Key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return "";
		}
	}

	static String decode(String value) {
		return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

}
