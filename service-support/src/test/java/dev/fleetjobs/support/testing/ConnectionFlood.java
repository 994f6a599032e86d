package dev.fleetjobs.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A bounded connection flood from one client address on the loopback range (e.g.
 * {@code 127.0.0.2}, so the test's own requests from {@code 127.0.0.1} count as another
 * client): opens sockets one after the other, sends each the same bytes (an incomplete
 * request for slow-loris, a whole one for Server-Sent Event streams), and then reads what
 * the server answers, without ever answering back. Test-jar of service-support.
 */
public final class ConnectionFlood implements AutoCloseable {

	/** The start of a request that never ends: what a slow-loris client sends. */
	public static final String INCOMPLETE_REQUEST = "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ";

	private final Selector selector;

	private final List<Connection> connections = new ArrayList<>();

	private int failedToConnect;

	private ConnectionFlood(Selector selector) {
		this.selector = selector;
	}

	/**
	 * Opens {@code count} connections from {@code source} to {@code 127.0.0.1:port}, each
	 * sent {@code request}.
	 */
	public static ConnectionFlood open(String source, int port, int count, String request) {
		try {
			ConnectionFlood flood = new ConnectionFlood(Selector.open());
			byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
			for (int i = 0; i < count; i++) {
				flood.connect(source, port, bytes);
			}
			return flood;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void connect(String source, int port, byte[] request) throws IOException {
		SocketChannel channel = SocketChannel.open();
		try {
			channel.bind(new InetSocketAddress(source, 0));
			channel.socket().connect(new InetSocketAddress("127.0.0.1", port), 2000);
			channel.write(ByteBuffer.wrap(request));
			channel.configureBlocking(false);
			Connection connection = new Connection(channel);
			channel.register(this.selector, SelectionKey.OP_READ, connection);
			this.connections.add(connection);
		}
		catch (IOException ex) {
			this.failedToConnect++;
			channel.close();
		}
	}

	/**
	 * Reads what arrives until nothing has for {@code quiet}, or {@code atMost} passed.
	 */
	public ConnectionFlood settle(Duration quiet, Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				if (this.selector.select(Math.max(1, quiet.toMillis())) == 0) {
					return this;
				}
				readSelected();
			}
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until the server closed every connection it holds unanswered, or
	 * {@code atMost} passed.
	 * @return whether it did
	 */
	public boolean awaitClosedByServer(Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		try {
			while (silent() > 0 && System.nanoTime() < deadline) {
				if (this.selector.select(100) > 0) {
					readSelected();
				}
			}
			return silent() == 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void readSelected() throws IOException {
		for (SelectionKey key : this.selector.selectedKeys()) {
			((Connection) key.attachment()).read(key);
		}
		this.selector.selectedKeys().clear();
	}

	/** Connections that got an answer with this status (e.g. 200, 429, 503). */
	public int answered(int status) {
		return (int) this.connections.stream().filter((c) -> c.status() == status).count();
	}

	/** Connections the server keeps open without an answer. */
	public int silent() {
		return (int) this.connections.stream().filter((c) -> !c.closed && c.received.length() == 0).count();
	}

	/** Connections the server closed without a byte. */
	public int closedWithoutAnswer() {
		return (int) this.connections.stream().filter((c) -> c.closed && c.received.length() == 0).count();
	}

	public int failedToConnect() {
		return this.failedToConnect;
	}

	public int size() {
		return this.connections.size();
	}

	/** The first answer with this status, as received (status line, headers, body). */
	public Optional<String> answer(int status) {
		return this.connections.stream()
			.filter((c) -> c.status() == status)
			.map((c) -> c.received.toString())
			.findFirst();
	}

	@Override
	public void close() {
		for (Connection connection : this.connections) {
			try {
				connection.channel.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
		try {
			this.selector.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	@Override
	public String toString() {
		return "ConnectionFlood[" + size() + " connected, " + this.failedToConnect + " failed to connect, 200: "
				+ answered(200) + ", 429: " + answered(429) + ", 503: " + answered(503) + ", silent: " + silent()
				+ ", closed without answer: " + closedWithoutAnswer() + "]";
	}

	private static final class Connection {

		private final SocketChannel channel;

		private final StringBuilder received = new StringBuilder();

		private final ByteBuffer buffer = ByteBuffer.allocate(4096);

		private boolean closed;

		Connection(SocketChannel channel) {
			this.channel = channel;
		}

		void read(SelectionKey key) {
			try {
				this.buffer.clear();
				int read = this.channel.read(this.buffer);
				if (read < 0) {
					this.closed = true;
					key.cancel();
				}
				else if (this.received.length() < 16 * 1024) {
					this.received.append(new String(this.buffer.array(), 0, read, StandardCharsets.ISO_8859_1));
				}
			}
			catch (IOException ex) {
				this.closed = true;
				key.cancel();
			}
		}

		int status() {
			String text = this.received.toString();
			if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
				return -1;
			}
			return Integer.parseInt(text.substring(9, 12));
		}

	}

}
