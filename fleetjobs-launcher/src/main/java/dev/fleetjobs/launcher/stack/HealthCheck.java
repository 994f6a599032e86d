package dev.fleetjobs.launcher.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Whether a component is ready to serve. */
@FunctionalInterface
public interface HealthCheck {

	boolean healthy();

	/** Healthy when something accepts TCP connections on the port. */
	static HealthCheck tcp(String host, int port) {
		return () -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(host, port), 500);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		};
	}

	/** Healthy when the URL answers 200, e.g. a Spring Boot readiness endpoint. */
	static HealthCheck http(String url) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		return () -> {
			try {
				HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
				return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		};
	}

}
