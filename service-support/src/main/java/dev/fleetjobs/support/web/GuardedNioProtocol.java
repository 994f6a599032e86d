package dev.fleetjobs.support.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's NIO HTTP/1.1 connector with a {@link ConnectionGuard} at the acceptor: each
 * socket is counted against its client address as it is accepted, before a byte is read;
 * one over a cap gets the guard's 429 or 503 written at once and is closed, so a flood
 * costs the acceptor a write and a close per socket and never waits in Tomcat's queue. An
 * admitted socket is released when Tomcat closes it (its handler's {@code release}).
 * Sockets that are not on an IP address (Unix domain sockets) pass unguarded.
 * <p>
 * Tomcat creates the protocol by its class name
 * ({@code TomcatServletWebServerFactory.setProtocol}); {@link ConnectionLimits} does that
 * and hands it the guard.
 */
public class GuardedNioProtocol extends Http11NioProtocol {

	public GuardedNioProtocol() {
		super(new GuardedEndpoint());
	}

	public void setGuard(ConnectionGuard guard) {
		((GuardedEndpoint) getEndpoint()).guard = guard;
	}

	/** The guard's bookkeeping: sockets admitted and not yet released. */
	int tracked() {
		return ((GuardedEndpoint) getEndpoint()).admitted.size();
	}

	static final class GuardedEndpoint extends NioEndpoint {

		private final Map<SocketChannel, InetAddress> admitted = new ConcurrentHashMap<>();

		/** Only the one acceptor thread uses it. */
		private final ByteBuffer drain = ByteBuffer.allocate(16 * 1024);

		private volatile ConnectionGuard guard;

		@Override
		public void setHandler(AbstractEndpoint.Handler<NioChannel> handler) {
			super.setHandler(new Releasing(handler));
		}

		@Override
		protected boolean setSocketOptions(SocketChannel socket) {
			ConnectionGuard guard = this.guard;
			InetAddress address = (guard != null) ? address(socket) : null;
			if (address == null) {
				return super.setSocketOptions(socket);
			}
			ConnectionGuard.Refusal refusal = guard.admit(address, getConnectionCount());
			if (refusal != null) {
				refuse(socket, guard.answer(refusal));
				// as Tomcat does with a socket it cannot hand off: count down and close
				destroySocket(socket);
				return false;
			}
			// before the hand-off: the socket may be served and closed before it returns
			this.admitted.put(socket, address);
			if (super.setSocketOptions(socket)) {
				return true;
			}
			forget(socket);
			return false;
		}

		private void forget(SocketChannel socket) {
			InetAddress address = (socket != null) ? this.admitted.remove(socket) : null;
			if (address != null) {
				this.guard.release(address);
			}
		}

		/**
		 * Writes the answer, reads what the client already sent (so that the close sends
		 * a FIN after the answer, not a reset that could overtake it). Never blocks.
		 */
		private void refuse(SocketChannel socket, ByteBuffer answer) {
			try {
				socket.configureBlocking(false);
				socket.write(answer);
				for (int i = 0; i < 4; i++) {
					this.drain.clear();
					if (socket.read(this.drain) <= 0) {
						break;
					}
				}
				socket.shutdownOutput();
			}
			catch (IOException ex) {
				// the client is gone already
			}
		}

		private static InetAddress address(SocketChannel socket) {
			try {
				SocketAddress remote = socket.getRemoteAddress();
				return (remote instanceof InetSocketAddress inet) ? inet.getAddress() : null;
			}
			catch (IOException ex) {
				return null;
			}
		}

		/** Tomcat's connection handler, releasing the guard when a socket closes. */
		private final class Releasing implements AbstractEndpoint.Handler<NioChannel> {

			private final AbstractEndpoint.Handler<NioChannel> handler;

			Releasing(AbstractEndpoint.Handler<NioChannel> handler) {
				this.handler = handler;
			}

			@Override
			public SocketState process(SocketWrapperBase<NioChannel> socket, SocketEvent status) {
				return this.handler.process(socket, status);
			}

			@Override
			public Object getGlobal() {
				return this.handler.getGlobal();
			}

			@Override
			public void release(SocketWrapperBase<NioChannel> socket) {
				try {
					this.handler.release(socket);
				}
				finally {
					NioChannel channel = socket.getSocket();
					forget((channel != null) ? channel.getIOChannel() : null);
				}
			}

			@Override
			public void pause() {
				this.handler.pause();
			}

			@Override
			public void recycle() {
				this.handler.recycle();
			}

		}

	}

}
