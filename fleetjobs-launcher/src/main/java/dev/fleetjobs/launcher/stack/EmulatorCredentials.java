package dev.fleetjobs.launcher.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a client of the local run's emulator needs besides the SDK: an owner SAS token
 * (signed as the SDKs sign theirs) and a TLS context that trusts the emulator's CA.
 */
public final class EmulatorCredentials {

	private EmulatorCredentials() {
	}

	/** An owner SAS token for the hub's host name, valid for an hour. */
	public static String ownerSasToken(StackSettings settings) {
		String resource = URLEncoder.encode("localhost", StandardCharsets.UTF_8);
		long expiry = Instant.now().plusSeconds(3600).getEpochSecond();
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(settings.hubOwnerKey()), "HmacSHA256"));
			String signature = Base64.getEncoder()
				.encodeToString(mac.doFinal((resource + "\n" + expiry).getBytes(StandardCharsets.UTF_8)));
			return "SharedAccessSignature sr=" + resource + "&sig="
					+ URLEncoder.encode(signature, StandardCharsets.UTF_8) + "&se=" + expiry + "&skn="
					+ StackSettings.OWNER_POLICY;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A TLS context that trusts the emulator's CA (its {@code ca.p12}) and nothing else.
	 */
	public static SSLContext trusting(Path caStore) {
		try (InputStream in = Files.newInputStream(caStore)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, "changeit".toCharArray());
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot trust the emulator's CA in " + caStore, ex);
		}
	}

}
