package dev.fleetjobs.emulator.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.fleetjobs.emulator.IotHubEmulator;

/**
 * Makes the JVM's default HTTPS trust (which the Java service client uses) accept the CA
 * of every emulator started in this test JVM. In production use
 * {@code -Djavax.net.ssl.trustStore=<data-dir>/ca.p12} instead.
 */
public final class EmulatorTrust {

	private static KeyStore trusted;

	private EmulatorTrust() {
	}

	public static void install(IotHubEmulator hub) {
		install(hub.caPemPath());
	}

	/** Trusts the CA in a PEM file, e.g. of an emulator running in another process. */
	public static synchronized void install(java.nio.file.Path caPem) {
		try {
			if (trusted == null) {
				trusted = KeyStore.getInstance("PKCS12");
				trusted.load(null, null);
			}
			try (InputStream in = Files.newInputStream(caPem)) {
				X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
				trusted.setCertificateEntry(ca.getSubjectX500Principal().getName(), ca);
			}
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trusted);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, factory.getTrustManagers(), null);
			HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot trust the emulator's CA", ex);
		}
	}

}
