package io.influxspring.testsupport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A scriptable HTTP/1.1 server on 127.0.0.1 standing in for InfluxDB. It supports keep-alive, bodies with
 * {@code Content-Length} or {@code Transfer-Encoding: chunked}, and {@code Expect: 100-continue}; it records every
 * request and answers from a FIFO queue of {@link StubResponse}s, falling back to a default (204) when empty.
 * <p>
 * As a JUnit extension ({@code @RegisterExtension}, static or instance field) each test starts with no recorded
 * requests, an empty script and the initial default response; a static field keeps one port per test class. A
 * request begun before a reset (the last body of a writer disposed at the end of the previous test) is not
 * recorded and takes nothing from the script: its connection is closed.
 */
public class StubInfluxServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
		AutoCloseable {

	private static final StubResponse INITIAL_DEFAULT = StubResponse.noContent();

	private final Object lock = new Object();

	private final Deque<StubResponse> script = new ArrayDeque<>();

	private final List<RecordedRequest> recorded = new ArrayList<>();

	private final LinkedBlockingQueue<RecordedRequest> unclaimed = new LinkedBlockingQueue<>();

	private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

	private volatile StubResponse defaultResponse = INITIAL_DEFAULT;

	/** Chooses the response when the script is empty, instead of the default one; {@code null} when unset. */
	private volatile Supplier<StubResponse> responder;

	private volatile ServerSocket serverSocket;

	private volatile CountDownLatch closing = new CountDownLatch(0);

	private boolean startedForTest;

	/** Counts resets; a request begun under an earlier count belongs to a test that is over. */
	private long generation;

	/** Binds a free port on 127.0.0.1 and starts accepting connections; no-op when already started. */
	public synchronized StubInfluxServer start() {
		if (this.serverSocket != null) {
			return this;
		}
		try {
			ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			this.closing = new CountDownLatch(1);
			this.serverSocket = socket;
			Thread acceptor = new Thread(() -> acceptLoop(socket), "stub-influx-accept-" + socket.getLocalPort());
			acceptor.setDaemon(true);
			acceptor.start();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not bind the stub server", ex);
		}
	}

	/** Stops accepting, closes every open client connection and interrupts pending delays. */
	@Override
	public synchronized void close() {
		ServerSocket socket = this.serverSocket;
		this.serverSocket = null;
		this.closing.countDown();
		if (socket != null) {
			closeQuietly(socket);
		}
		for (Socket client : this.clients) {
			closeQuietly(client);
		}
		this.clients.clear();
	}

	/** Bound port; the server must be started. */
	public int port() {
		ServerSocket socket = this.serverSocket;
		if (socket == null) {
			throw new IllegalStateException("Stub server is not started");
		}
		return socket.getLocalPort();
	}

	/** Base URL, e.g. {@code http://127.0.0.1:PORT}. */
	public String url() {
		return "http://127.0.0.1:" + port();
	}

	/** Appends responses to the script; each request consumes the next one. */
	public void enqueue(StubResponse... responses) {
		synchronized (this.lock) {
			this.script.addAll(Arrays.asList(responses));
		}
	}

	/** Chooses each response while the script is empty (for random answers); {@code null} restores the default. */
	public void setResponder(Supplier<StubResponse> responder) {
		this.responder = responder;
	}

	/** Response used when the script is empty (initially {@code 204 No Content}). */
	public void setDefaultResponse(StubResponse response) {
		this.defaultResponse = response;
	}

	/** Snapshot of all requests received so far, in arrival order. */
	public List<RecordedRequest> requests() {
		synchronized (this.lock) {
			return List.copyOf(this.recorded);
		}
	}

	/** Number of requests received so far. */
	public int requestCount() {
		synchronized (this.lock) {
			return this.recorded.size();
		}
	}

	/**
	 * Waits for the next request not yet taken (in arrival order), or returns {@code null} after the timeout.
	 * Requests are recorded when fully read, before any scripted delay.
	 */
	public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
		return this.unclaimed.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * All non-empty lines ({@code '\n'}-separated, gunzipped) of requests whose scripted answer was 2xx, in arrival
	 * order. A 2xx whose delay outlasted the client's timeout still counts, as a real server would have stored it.
	 */
	public List<String> receivedLines() {
		List<String> lines = new ArrayList<>();
		for (RecordedRequest request : requests()) {
			if (request.answeredSuccessfully()) {
				for (String line : request.body().split("\n")) {
					if (!line.isEmpty()) {
						lines.add(line);
					}
				}
			}
		}
		return lines;
	}

	/** Forgets recorded requests and scripted responses and restores the default 204 response. */
	public void reset() {
		synchronized (this.lock) {
			this.generation++;
			this.script.clear();
			this.recorded.clear();
			this.unclaimed.clear();
			this.defaultResponse = INITIAL_DEFAULT;
			this.responder = null;
		}
	}

	/** Starts the server for all tests of the class (static field registration). */
	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	/** Closes the server after all tests of the class. */
	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	/** Starts the server if needed (instance field registration) and resets its state. */
	@Override
	public synchronized void beforeEach(ExtensionContext context) {
		if (this.serverSocket == null) {
			start();
			this.startedForTest = true;
		}
		reset();
	}

	/** Resets the state; closes the server if it was started for this test only. */
	@Override
	public synchronized void afterEach(ExtensionContext context) {
		reset();
		if (this.startedForTest) {
			this.startedForTest = false;
			close();
		}
	}

	private void acceptLoop(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				this.clients.add(client);
				if (socket.isClosed()) {
					closeQuietly(client);
					break;
				}
				Thread handler = new Thread(() -> serve(client), "stub-influx-conn-" + client.getPort());
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException | RuntimeException ex) {
				// closed server socket ends the loop; anything else must not stop accepting
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			InputStream in = new BufferedInputStream(socket.getInputStream());
			OutputStream out = new BufferedOutputStream(socket.getOutputStream());
			boolean keepAlive = true;
			while (keepAlive) {
				String requestLine = StubHttpCodec.readLine(in);
				if (requestLine == null) {
					return;
				}
				if (requestLine.isEmpty()) {
					continue;
				}
				long generation = generation();
				String[] parts = requestLine.split(" ");
				if (parts.length != 3) {
					out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
						.getBytes(StandardCharsets.ISO_8859_1));
					out.flush();
					return;
				}
				Map<String, List<String>> headers = StubHttpCodec.readHeaders(in);
				if ("100-continue".equalsIgnoreCase(StubHttpCodec.first(headers, "Expect"))) {
					out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
					out.flush();
				}
				byte[] body = StubHttpCodec.readBody(in, headers);
				StubResponse response = record(generation, parts[0], parts[1], headers, body);
				if (response == null) {
					return;
				}
				long delayNanos = response.delay().toNanos();
				if (delayNanos > 0 && this.closing.await(delayNanos, TimeUnit.NANOSECONDS)) {
					return;
				}
				if (response.action() == StubResponse.Action.RESET) {
					socket.setSoLinger(true, 0);
					return;
				}
				if (response.action() == StubResponse.Action.DROP) {
					return;
				}
				String connection = StubHttpCodec.first(headers, "Connection");
				keepAlive = parts[2].equals("HTTP/1.1") ? !"close".equalsIgnoreCase(connection)
						: "keep-alive".equalsIgnoreCase(connection);
				StubHttpCodec.writeResponse(out, response, parts[0], keepAlive);
				keepAlive &= !StubHttpCodec.closesConnection(response);
			}
		}
		catch (IOException | RuntimeException ex) {
			// client went away, malformed request or server closing: the connection is closed
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.clients.remove(socket);
		}
	}

	private long generation() {
		synchronized (this.lock) {
			return this.generation;
		}
	}

	/** Records the request and picks its answer; {@code null} (close the connection) when a reset came since it began. */
	private StubResponse record(long generation, String method, String target,
			Map<String, List<String>> headers, byte[] body) {
		synchronized (this.lock) {
			if (generation != this.generation) {
				return null;
			}
			Supplier<StubResponse> chooser = this.responder;
			StubResponse response = !this.script.isEmpty() ? this.script.poll()
					: (chooser != null) ? chooser.get() : this.defaultResponse;
			RecordedRequest request = new RecordedRequest(method, target, headers, body, response.statusCode());
			this.recorded.add(request);
			this.unclaimed.add(request);
			return response;
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
