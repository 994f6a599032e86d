package dev.fleetjobs.emulator.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The emulator's own CA and server certificate (EC P-256), created at first start in a
 * directory and reused after: {@code ca.pem} and {@code ca.p12} for clients, the CA key
 * and the server key store for the emulator. The server certificate is issued again when
 * the host names change or it nears expiry.
 */
public final class CertificateAuthority {

	/** Password of the PKCS12 files; they protect nothing secret but the CA key. */
	public static final String STORE_PASSWORD = "changeit";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path directory;

	private final PrivateKey serverKey;

	private final X509Certificate[] serverChain;

	private final X509Certificate caCertificate;

	private CertificateAuthority(Path directory, PrivateKey serverKey, X509Certificate[] chain) {
		this.directory = directory;
		this.serverKey = serverKey;
		this.serverChain = chain;
		this.caCertificate = chain[chain.length - 1];
	}

	/**
	 * Loads or creates the CA in the directory, and a server certificate for these names.
	 */
	public static CertificateAuthority loadOrCreate(Path directory, Collection<String> hostNames) {
		try {
			Files.createDirectories(directory);
			Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
			names.addAll(hostNames);
			KeyStore ca = loadOrCreateCa(directory);
			PrivateKey caKey = (PrivateKey) ca.getKey("ca", STORE_PASSWORD.toCharArray());
			X509Certificate caCert = (X509Certificate) ca.getCertificate("ca");
			Path serverFile = directory.resolve("server.p12");
			if (Files.exists(serverFile)) {
				KeyStore server = read(serverFile);
				X509Certificate cert = (X509Certificate) server.getCertificate("server");
				if (covers(cert, names)
						&& cert.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(7)))
						&& cert.getIssuerX500Principal().equals(caCert.getSubjectX500Principal())) {
					return new CertificateAuthority(directory,
							(PrivateKey) server.getKey("server", STORE_PASSWORD.toCharArray()),
							new X509Certificate[] { cert, caCert });
				}
			}
			KeyPair pair = newKeyPair();
			X509Certificate cert = issueServer(pair, caKey, caCert, names);
			KeyStore server = KeyStore.getInstance("PKCS12");
			server.load(null, null);
			server.setKeyEntry("server", pair.getPrivate(), STORE_PASSWORD.toCharArray(),
					new Certificate[] { cert, caCert });
			write(server, serverFile);
			return new CertificateAuthority(directory, pair.getPrivate(), new X509Certificate[] { cert, caCert });
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot create the emulator's certificates in " + directory, ex);
		}
	}

	public Path caPemPath() {
		return this.directory.resolve("ca.pem");
	}

	public Path trustStorePath() {
		return this.directory.resolve("ca.p12");
	}

	public PrivateKey serverKey() {
		return this.serverKey;
	}

	public X509Certificate[] serverChain() {
		return this.serverChain.clone();
	}

	public X509Certificate caCertificate() {
		return this.caCertificate;
	}

	private static KeyStore loadOrCreateCa(Path directory)
			throws IOException, GeneralSecurityException, OperatorCreationException {
		Path caKeyFile = directory.resolve("ca-key.p12");
		if (Files.exists(caKeyFile)) {
			return read(caKeyFile);
		}
		KeyPair pair = newKeyPair();
		X500Name name = new X500Name("CN=FleetJobs IoT Hub Emulator CA " + Long.toHexString(RANDOM.nextLong()));
		Instant now = Instant.now();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
				pair.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
		builder.addExtension(Extension.subjectKeyIdentifier, false,
				new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
		X509Certificate cert = sign(builder, pair.getPrivate());
		KeyStore ca = KeyStore.getInstance("PKCS12");
		ca.load(null, null);
		ca.setKeyEntry("ca", pair.getPrivate(), STORE_PASSWORD.toCharArray(), new Certificate[] { cert });
		write(ca, caKeyFile);
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("iot-hub-emulator-ca", cert);
		write(trust, directory.resolve("ca.p12"));
		try (Writer writer = Files.newBufferedWriter(directory.resolve("ca.pem"));
				JcaPEMWriter pem = new JcaPEMWriter(writer)) {
			pem.writeObject(cert);
		}
		return ca;
	}

	private static X509Certificate issueServer(KeyPair pair, PrivateKey caKey, X509Certificate caCert,
			Set<String> names) throws GeneralSecurityException, IOException, OperatorCreationException {
		Instant now = Instant.now();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCert, serial(),
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(730))),
				new X500Name("CN=" + names.iterator().next()), pair.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
		builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
		GeneralName[] alternatives = names.stream()
			.map((name) -> isIp(name) ? new GeneralName(GeneralName.iPAddress, name)
					: new GeneralName(GeneralName.dNSName, name))
			.toArray(GeneralName[]::new);
		builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
		return sign(builder, caKey);
	}

	private static boolean covers(X509Certificate cert, Set<String> names) throws GeneralSecurityException {
		Set<String> present = new LinkedHashSet<>();
		if (cert.getSubjectAlternativeNames() != null) {
			cert.getSubjectAlternativeNames().forEach((entry) -> present.add(String.valueOf(entry.get(1))));
		}
		return present.containsAll(names);
	}

	private static boolean isIp(String name) {
		return name.matches("[0-9.]+") || name.contains(":");
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
			throws OperatorCreationException, GeneralSecurityException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
	}

	private static KeyPair newKeyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
		return generator.generateKeyPair();
	}

	private static BigInteger serial() {
		return new BigInteger(64, RANDOM).add(BigInteger.ONE);
	}

	private static KeyStore read(Path file) throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			store.load(in, STORE_PASSWORD.toCharArray());
		}
		return store;
	}

	private static void write(KeyStore store, Path file) throws IOException, GeneralSecurityException {
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, STORE_PASSWORD.toCharArray());
		}
	}

	/**
	 * A client SSLContext that trusts the CA in this PKCS12 trust store ({@code ca.p12}).
	 */
	public static SSLContext clientContext(Path trustStore) {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(read(trustStore));
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, factory.getTrustManagers(), null);
			return context;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the trust store " + trustStore, ex);
		}
	}

}
