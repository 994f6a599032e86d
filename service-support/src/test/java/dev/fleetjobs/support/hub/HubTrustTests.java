package dev.fleetjobs.support.hub;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.X509TrustManager;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trust store is trusted in addition to the JVM's CAs, and nothing else is. */
class HubTrustTests {

	@TempDir
	Path dir;

	@Test
	void givenATrustStoreThenItsCertificateAndTheJvmCasAreTrustedAndOthersAreNot() throws Exception {
		// Given a store with the "emulator" CA, and a certificate the store does not hold
		Path store = selfSigned("emulator", "ca.p12");
		Path other = selfSigned("stranger", "other.p12");

		// When the trust manager is built from the store
		X509TrustManager trust = HubTrust.trustManager(store, "changeit");

		// Then the store's certificate is trusted, the JVM's CAs are still accepted, and
		// a stranger's certificate is refused
		X509Certificate emulator = certificate(store, "emulator");
		trust.checkServerTrusted(new X509Certificate[] { emulator }, "ECDHE_ECDSA");
		assertThat(trust.getAcceptedIssuers()).contains(emulator).hasSizeGreaterThan(10);
		assertThatThrownBy(
				() -> trust.checkServerTrusted(new X509Certificate[] { certificate(other, "stranger") }, "ECDHE_ECDSA"))
			.isInstanceOf(CertificateException.class);
	}

	@Test
	void givenAMissingOrWrongTrustStoreThenTheErrorNamesTheFileButNeverThePassword() throws Exception {
		Path store = selfSigned("emulator", "ca.p12");

		assertThatIllegalStateException().isThrownBy(() -> HubTrust.install(this.dir.resolve("none.p12"), "changeit"))
			.withMessageContaining("none.p12")
			.withMessageContaining("does not exist");
		assertThatIllegalStateException().isThrownBy(() -> HubTrust.install(store, "wrong-password-42"))
			.withMessageContaining("ca.p12")
			.withMessageNotContaining("wrong-password-42");
	}

	private Path selfSigned(String alias, String file) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair pair = generator.generateKeyPair();
		X500Name name = new X500Name("CN=" + alias);
		Instant now = Instant.now();
		X509Certificate certificate = new JcaX509CertificateConverter()
			.getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
					Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), name, pair.getPublic())
				.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
		KeyStore keys = KeyStore.getInstance("PKCS12");
		keys.load(null, null);
		keys.setCertificateEntry(alias, certificate);
		Path store = this.dir.resolve(file);
		try (OutputStream out = Files.newOutputStream(store)) {
			keys.store(out, "changeit".toCharArray());
		}
		return store;
	}

	private static X509Certificate certificate(Path store, String alias) throws Exception {
		KeyStore keys = KeyStore.getInstance(store.toFile(), "changeit".toCharArray());
		return (X509Certificate) keys.getCertificate(alias);
	}

}
