package io.influxspring.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a server that misbehaves at random, for a bounded number of
 * exchanges and a bounded time. An exchange starts with the first bytes a client sends after the
 * previous response; for each one a seeded {@link Random} picks one of:
 * <ul>
 * <li>{@link Fault#RESET_BEFORE_REQUEST}: the request never reaches the server, the client gets a reset;</li>
 * <li>{@link Fault#RESET_AFTER_REQUEST}: the request reaches the server, its response is thrown away and
 * the client gets a reset (the server did the work, the client cannot know);</li>
 * <li>{@link Fault#STALL_RESPONSE}: the response is held back for up to {@code maxStall} before it is
 * passed on (longer than the client's response timeout, it is another lost response);</li>
 * <li>nothing: bytes pass through.</li>
 * </ul>
 * The seed fixes the sequence of decisions; with several connections at once, which exchange gets
 * which decision still depends on thread timing.
 */
final class FaultyTcpProxy implements AutoCloseable {

	/** What happens to one exchange. */
	enum Fault {

		NONE, RESET_BEFORE_REQUEST, RESET_AFTER_REQUEST, STALL_RESPONSE

	}

	private final ServerSocket listener;

	private final InetSocketAddress upstream;

	private final Random random;

	private final double faultProbability;

	private final int maxFaults;

	private final Duration maxStall;

	private final long faultsUntilNanos;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicInteger[] counts = new AtomicInteger[Fault.values().length];

	private final AtomicInteger connections = new AtomicInteger();

	private volatile boolean closed;

	/**
	 * Starts listening on a free port.
	 * @param upstreamPort the server's port on 127.0.0.1
	 * @param seed the seed of the fault decisions
	 * @param faultProbability the chance of a fault per exchange
	 * @param maxFaults faults injected at most; afterwards everything passes
	 * @param maxStall the longest stall
	 * @param faultWindow faults only this long after the start
	 */
	FaultyTcpProxy(int upstreamPort, long seed, double faultProbability, int maxFaults, Duration maxStall,
			Duration faultWindow) throws IOException {
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
		this.random = new Random(seed);
		this.faultProbability = faultProbability;
		this.maxFaults = maxFaults;
		this.maxStall = maxStall;
		this.faultsUntilNanos = System.nanoTime() + faultWindow.toNanos();
		for (int i = 0; i < this.counts.length; i++) {
			this.counts[i] = new AtomicInteger();
		}
		daemon(this::acceptLoop, "e2e-proxy-accept").start();
	}

	/** The base URL clients use instead of the server's. */
	String url() {
		return "http://127.0.0.1:" + this.listener.getLocalPort();
	}

	/** How many exchanges got {@code fault}. */
	int count(Fault fault) {
		return this.counts[fault.ordinal()].get();
	}

	/** Exchanges seen: requests the client started, faulty or not. */
	int exchanges() {
		int total = 0;
		for (AtomicInteger count : this.counts) {
			total += count.get();
		}
		return total;
	}

	int faults() {
		return exchanges() - count(Fault.NONE);
	}

	int connections() {
		return this.connections.get();
	}

	private synchronized Fault nextFault(long[] stallMillis) {
		boolean allowed = faults() < this.maxFaults && System.nanoTime() - this.faultsUntilNanos < 0;
		double roll = this.random.nextDouble();
		Fault[] faults = { Fault.RESET_BEFORE_REQUEST, Fault.RESET_AFTER_REQUEST, Fault.STALL_RESPONSE };
		Fault fault = faults[this.random.nextInt(faults.length)];
		stallMillis[0] = 1 + this.random.nextInt((int) this.maxStall.toMillis());
		Fault chosen = (allowed && roll < this.faultProbability) ? fault : Fault.NONE;
		this.counts[chosen.ordinal()].incrementAndGet();
		return chosen;
	}

	private void acceptLoop() {
		while (!this.closed) {
			Socket client;
			try {
				client = this.listener.accept();
			}
			catch (IOException ex) {
				return;
			}
			Socket server = new Socket();
			try {
				server.connect(this.upstream, 5000);
			}
			catch (IOException ex) {
				closeQuietly(client);
				closeQuietly(server);
				continue;
			}
			this.sockets.add(client);
			this.sockets.add(server);
			this.connections.incrementAndGet();
			new Connection(client, server).start();
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.listener.close();
		this.sockets.forEach(FaultyTcpProxy::closeQuietly);
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/** One client connection and its server connection, pumped by two threads. */
	private final class Connection {

		private final Socket client;

		private final Socket server;

		/** The fault of the current exchange; {@code null} between a response and the next request. */
		private volatile Fault fault;

		private volatile long stallMillis;

		Connection(Socket client, Socket server) {
			this.client = client;
			this.server = server;
		}

		void start() {
			daemon(this::pumpRequests, "e2e-proxy-request").start();
			daemon(this::pumpResponses, "e2e-proxy-response").start();
		}

		private void pumpRequests() {
			byte[] buffer = new byte[16384];
			try (InputStream in = this.client.getInputStream(); OutputStream out = this.server.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					if (this.fault == null) {
						long[] stall = new long[1];
						Fault next = nextFault(stall);
						this.stallMillis = stall[0];
						this.fault = next;
						if (next == Fault.RESET_BEFORE_REQUEST) {
							reset();
							return;
						}
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// either side went away
			}
			finally {
				quietClose(this.server);
			}
		}

		private void pumpResponses() {
			byte[] buffer = new byte[16384];
			try (InputStream in = this.server.getInputStream(); OutputStream out = this.client.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					Fault current = this.fault;
					if (current == Fault.RESET_AFTER_REQUEST) {
						reset();
						return;
					}
					if (current == Fault.STALL_RESPONSE) {
						stall(this.stallMillis);
					}
					this.fault = null;
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// either side went away
			}
			finally {
				quietClose(this.client);
			}
		}

		/** Holds the response back: the fault itself, not a way to wait for something. */
		private void stall(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/** Ends the client's connection with a TCP reset and closes the server's. */
		private void reset() {
			try {
				this.client.setSoLinger(true, 0);
			}
			catch (IOException ex) {
				// already gone
			}
			quietClose(this.client);
			quietClose(this.server);
		}

		private void quietClose(Socket socket) {
			closeQuietly(socket);
			FaultyTcpProxy.this.sockets.remove(socket);
		}

	}

}
