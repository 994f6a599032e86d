package dev.fleetjobs.simulator.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.microsoft.azure.sdk.iot.service.auth.IotHubConnectionStringBuilder;
import com.microsoft.azure.sdk.iot.service.auth.IotHubServiceSasToken;

/**
 * The hub as the simulator reaches it: host name and ports, the service policy, the TLS
 * trust, and the devices of a connection-string file. Nothing here prints a key.
 */
public final class HubConnection {

	private final HubProperties properties;

	private final String hostName;

	private final TrustManagerFactory trust;

	private final SSLContext sslContext;

	public HubConnection(HubProperties properties) {
		this.properties = properties;
		if (properties.connectionString() != null) {
			Map<String, String> fields = ConnectionStrings.parse(properties.connectionString(),
					"fleetjobs.simulator.hub.connection-string");
			this.hostName = ConnectionStrings.require(fields, "HostName", "fleetjobs.simulator.hub.connection-string");
			ConnectionStrings.require(fields, "SharedAccessKeyName", "fleetjobs.simulator.hub.connection-string");
			ConnectionStrings.require(fields, "SharedAccessKey", "fleetjobs.simulator.hub.connection-string");
		}
		else {
			this.hostName = DeviceFile.read(properties.deviceConnectionStrings()).get(0).hostName();
		}
		if (this.hostName.contains(":")) {
			throw new IllegalArgumentException("The hub's HostName must not carry a port; set "
					+ "fleetjobs.simulator.hub.https-port and mqtt-port instead");
		}
		this.trust = (properties.caCertificate() != null) ? trustOnly(properties) : null;
		this.sslContext = sslContext(this.trust);
	}

	public HubProperties properties() {
		return this.properties;
	}

	/** The hub's host name, without a port: SAS {@code sr}, MQTT user names. */
	public String hostName() {
		return this.hostName;
	}

	/**
	 * {@code host} or {@code host:port} of REST and MQTT over WebSockets, for the SDKs'
	 * host-name constructors.
	 */
	public String serviceHost() {
		return (this.properties.httpsPort() == 443) ? this.hostName : this.hostName + ":" + this.properties.httpsPort();
	}

	public int httpsPort() {
		return this.properties.httpsPort();
	}

	public int mqttPort() {
		return this.properties.mqttPort();
	}

	public boolean canProvision() {
		return this.properties.connectionString() != null && this.properties.deviceConnectionStrings() == null;
	}

	/** A service SAS token of the configured policy, signed by the service SDK. */
	public String serviceSasToken() {
		return new IotHubServiceSasToken(
				IotHubConnectionStringBuilder.createIotHubConnectionString(this.properties.connectionString()))
			.toString();
	}

	/** The devices of the connection-string file. */
	public List<DeviceCredentials> devicesFromFile() {
		return DeviceFile.read(this.properties.deviceConnectionStrings());
	}

	/** TLS for device connections: the configured CA, or the JVM's trust. */
	public SSLContext sslContext() {
		return this.sslContext;
	}

	/** The configured CA's trust managers, or null for the JVM's default trust. */
	public TrustManagerFactory trustManagerFactory() {
		return this.trust;
	}

	/**
	 * Makes the service SDK (which uses {@code HttpsURLConnection}'s default socket
	 * factory) trust the configured CA; nothing changes without one.
	 */
	public void installServiceTrust() {
		if (this.trust != null) {
			HttpsURLConnection.setDefaultSSLSocketFactory(this.sslContext.getSocketFactory());
		}
	}

	private static TrustManagerFactory trustOnly(HubProperties properties) {
		try (InputStream in = Files.newInputStream(properties.caCertificate())) {
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int index = 0;
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				store.setCertificateEntry("ca-" + index++, certificate);
			}
			if (index == 0) {
				throw new IllegalArgumentException(
						"fleetjobs.simulator.hub.ca-certificate holds no certificate: " + properties.caCertificate());
			}
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(store);
			return factory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read fleetjobs.simulator.hub.ca-certificate", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("fleetjobs.simulator.hub.ca-certificate is not a PEM certificate", ex);
		}
	}

	private static SSLContext sslContext(TrustManagerFactory trust) {
		try {
			if (trust == null) {
				return SSLContext.getDefault();
			}
			SSLContext context = SSLContext.getInstance("TLSv1.2");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot set up TLS", ex);
		}
	}

}
