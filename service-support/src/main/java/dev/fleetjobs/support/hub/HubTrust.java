package dev.fleetjobs.support.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.stream.Stream;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Adds a trust store (e.g. the emulator's CA) to the CAs the JVM trusts, for
 * {@link HttpsURLConnection}, the transport of the service SDK's REST calls (it has no
 * per-client SSL option). The JVM's own CAs stay trusted, so Azure still works. Shared by
 * job-executor-service and job-status-service, which call the hub with the same SDK.
 */
public final class HubTrust {

	private HubTrust() {
	}

	/**
	 * Makes every {@link HttpsURLConnection} trust the store's certificates as well.
	 * @param trustStore a PKCS12 or JKS file
	 * @param password its password, or {@code null}
	 * @throws IllegalStateException when the store cannot be read or loaded (the message
	 * names the file, never the password)
	 */
	public static void install(Path trustStore, String password) {
		HttpsURLConnection.setDefaultSSLSocketFactory(context(trustStore, password).getSocketFactory());
	}

	/**
	 * A TLS context that trusts the store's certificates and the JVM's CAs, for an HTTP
	 * client of its own (e.g. the JDK's HttpClient).
	 * @throws IllegalStateException as {@link #install}
	 */
	public static SSLContext context(Path trustStore, String password) {
		X509TrustManager trust = trustManager(trustStore, password);
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] { trust }, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"Cannot use fleetjobs.iot-hub.trust-store " + trustStore.toAbsolutePath() + ": " + ex.getMessage(),
					ex);
		}
	}

	/** Trusts what the store or the JVM's CAs trust. */
	static X509TrustManager trustManager(Path trustStore, String password) {
		if (!Files.isReadable(trustStore)) {
			throw new IllegalStateException("fleetjobs.iot-hub.trust-store " + trustStore.toAbsolutePath()
					+ " does not exist or cannot be read");
		}
		try {
			char[] secret = (password != null) ? password.toCharArray() : null;
			X509TrustManager extra = trustManager(KeyStore.getInstance(trustStore.toFile(), secret));
			return new Either(extra, trustManager(null));
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(
					"Cannot use fleetjobs.iot-hub.trust-store " + trustStore.toAbsolutePath() + ": " + ex.getMessage(),
					ex);
		}
	}

	private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(store);
		return Arrays.stream(factory.getTrustManagers())
			.filter(X509TrustManager.class::isInstance)
			.map(X509TrustManager.class::cast)
			.findFirst()
			.orElseThrow(() -> new GeneralSecurityException("No X509TrustManager"));
	}

	/** Trusts what either manager trusts. */
	private record Either(X509TrustManager first, X509TrustManager second) implements X509TrustManager {

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			either((manager) -> manager.checkServerTrusted(chain, authType));
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			either((manager) -> manager.checkClientTrusted(chain, authType));
		}

		private void either(Check check) throws CertificateException {
			try {
				check.with(this.first);
			}
			catch (CertificateException ex) {
				check.with(this.second);
			}
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return Stream
				.concat(Arrays.stream(this.first.getAcceptedIssuers()), Arrays.stream(this.second.getAcceptedIssuers()))
				.toArray(X509Certificate[]::new);
		}

		private interface Check {

			void with(X509TrustManager manager) throws CertificateException;

		}

	}

}
