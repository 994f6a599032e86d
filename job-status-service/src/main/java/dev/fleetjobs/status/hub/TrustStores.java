package dev.fleetjobs.status.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes {@link HttpsURLConnection}, which the Java service client uses, trust the
 * certificates of a trust store (e.g. the emulator's CA) in addition to the JVM's own
 * trusted CAs, so a real hub keeps working too.
 */
final class TrustStores {

	private static final Logger log = LoggerFactory.getLogger(TrustStores.class);

	private TrustStores() {
	}

	static void install(Path store, String password) {
		if (store == null) {
			return;
		}
		if (!Files.isRegularFile(store)) {
			log.warn("The IoT Hub trust store {} does not exist; using the JVM's trusted CAs only", store);
			return;
		}
		try {
			char[] secret = (password != null) ? password.toCharArray() : new char[0];
			KeyStore extra = KeyStore.getInstance(store.toFile(), secret);
			X509TrustManager combined = new Either(trustManager(extra), trustManager(null));
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] { combined }, null);
			HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
			log.info("IoT Hub calls trust the certificates in {} and the JVM's CAs", store);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot load the IoT Hub trust store " + store, ex);
		}
	}

	private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(store);
		for (TrustManager manager : factory.getTrustManagers()) {
			if (manager instanceof X509TrustManager x509) {
				return x509;
			}
		}
		throw new IllegalStateException("No X509TrustManager available");
	}

	/** Trusts a chain that either manager trusts. */
	private record Either(X509TrustManager first, X509TrustManager second) implements X509TrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			try {
				this.first.checkClientTrusted(chain, authType);
			}
			catch (CertificateException ex) {
				this.second.checkClientTrusted(chain, authType);
			}
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			try {
				this.first.checkServerTrusted(chain, authType);
			}
			catch (CertificateException ex) {
				this.second.checkServerTrusted(chain, authType);
			}
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			List<X509Certificate> issuers = new ArrayList<>(List.of(this.first.getAcceptedIssuers()));
			issuers.addAll(List.of(this.second.getAcceptedIssuers()));
			return issuers.toArray(X509Certificate[]::new);
		}

	}

}
