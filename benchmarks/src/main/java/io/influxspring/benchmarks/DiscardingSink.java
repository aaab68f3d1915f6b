package io.influxspring.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A loopback HTTP server that counts the lines of every {@code POST} body (gzip bodies are
 * decompressed first, by {@link GzipBodies}), discards them and answers 204, on any path. Given a
 * link rate, it reads the bodies off the sockets no faster than that many bits a second, all
 * connections together, as a network link between client and server would let them through; TCP's
 * flow control then holds the client back. {@code GET /__sink/stats} answers the counts so far as
 * {@code lines=..;bytes=..;requests=..;cpu=..}; any other {@code GET} gets 404 (which tells the
 * QuestDB sender to use text line protocol). Runs on Reactor Netty.
 */
public final class DiscardingSink implements AutoCloseable {

	/** The path of the counts. */
	public static final String STATS_PATH = "/__sink/stats";

	private final AtomicLong lines = new AtomicLong();

	private final AtomicLong wireBytes = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	private final Set<String> paths = ConcurrentHashMap.newKeySet();

	private final DisposableServer server;

	/** How long the link must have carried nothing to count as idle. */
	private static final long IDLE_NANOS = 2_000_000;

	/** Nanoseconds a byte takes on the link, 0 for none. */
	private final double nanosPerByte;

	/** When the link is free again ({@code System.nanoTime()}). */
	private final AtomicLong linkFree = new AtomicLong(System.nanoTime());

	public DiscardingSink() {
		this(0);
	}

	/** A sink behind a link of {@code linkBitsPerSecond}, or none when 0. */
	public DiscardingSink(long linkBitsPerSecond) {
		this.nanosPerByte = (linkBitsPerSecond > 0) ? 8e9 / linkBitsPerSecond : 0;
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
	}

	public int port() {
		return this.server.port();
	}

	/** The counts so far, and the CPU time this JVM has used. */
	public Counts counts() {
		return new Counts(this.lines.get(), this.wireBytes.get(), this.requests.get(), MachineCpu.processNanos());
	}

	/** The distinct paths (without query) that bodies were posted to. */
	public Set<String> paths() {
		return Set.copyOf(this.paths);
	}

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		if (request.method() == HttpMethod.POST) {
			this.paths.add(request.fullPath());
			String encoding = request.requestHeaders().get(HttpHeaderNames.CONTENT_ENCODING);
			boolean gzip = encoding != null && encoding.equalsIgnoreCase("gzip");
			return gzip ? countGzip(request, response) : countPlain(request, response);
		}
		if (request.method() == HttpMethod.GET && request.fullPath().equals(STATS_PATH)) {
			return response.sendString(Mono.just(counts().format()));
		}
		return response.status(HttpResponseStatus.NOT_FOUND).send();
	}

	private Publisher<Void> countPlain(HttpServerRequest request, HttpServerResponse response) {
		LineCounter counter = new LineCounter();
		return received(request).doOnNext((buf) -> {
			this.wireBytes.addAndGet(buf.readableBytes());
			counter.accept(buf);
			buf.release();
		}).then(Mono.defer(() -> acknowledge(counter, response)));
	}

	private Publisher<Void> countGzip(HttpServerRequest request, HttpServerResponse response) {
		LineCounter counter = new LineCounter();
		return received(request).collectList().flatMap((buffers) -> {
			GzipBodies bodies = GzipBodies.current();
			int length = buffers.stream().mapToInt(ByteBuf::readableBytes).sum();
			byte[] body = bodies.body(length);
			int at = 0;
			for (ByteBuf buf : buffers) {
				int size = buf.readableBytes();
				buf.readBytes(body, at, size);
				buf.release();
				at += size;
			}
			this.wireBytes.addAndGet(length);
			bodies.inflate(body, length, counter::accept);
			return acknowledge(counter, response);
		});
	}

	/** The body's buffers, retained, each let through once the link has carried it. */
	private Flux<ByteBuf> received(HttpServerRequest request) {
		Flux<ByteBuf> body = request.receive().retain();
		return (this.nanosPerByte == 0) ? body : body.concatMap(this::overLink, 1);
	}

	/**
	 * Lets a buffer through once the link has carried it: after the bytes before it, or from now when
	 * the link has been idle for more than {@value #IDLE_NANOS} ns, so that a timer firing late does
	 * not count as idle time.
	 */
	private Mono<ByteBuf> overLink(ByteBuf buf) {
		long now = System.nanoTime();
		long cost = (long) (buf.readableBytes() * this.nanosPerByte);
		long free = this.linkFree
			.updateAndGet((previous) -> ((now - previous > IDLE_NANOS) ? now : previous) + cost);
		long wait = free - now;
		return (wait > 50_000) ? Mono.delay(Duration.ofNanos(wait)).thenReturn(buf) : Mono.just(buf);
	}

	private Mono<Void> acknowledge(LineCounter counter, HttpServerResponse response) {
		this.lines.addAndGet(counter.lines());
		this.requests.incrementAndGet();
		return response.status(HttpResponseStatus.NO_CONTENT).send().then();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	/** Counts since the sink started, and the CPU time of the sink's JVM. */
	public record Counts(long lines, long wireBytes, long requests, long cpuNanos) {

		String format() {
			return "lines=" + this.lines + ";bytes=" + this.wireBytes + ";requests=" + this.requests + ";cpu="
					+ this.cpuNanos;
		}

		/** Reads {@link #format()}. */
		public static Counts parse(String text) {
			var values = KeyValues.parse(text);
			return new Counts(values.getLong("lines"), values.getLong("bytes"), values.getLong("requests"),
					values.getLong("cpu"));
		}

		public Counts minus(Counts earlier) {
			return new Counts(this.lines - earlier.lines, this.wireBytes - earlier.wireBytes,
					this.requests - earlier.requests, this.cpuNanos - earlier.cpuNanos);
		}

	}

	/** Counts line feeds, and a last line without one. */
	private static final class LineCounter {

		private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
				ByteOrder.LITTLE_ENDIAN);

		private long lineFeeds;

		private int last = '\n';

		void accept(ByteBuf buf) {
			int index = buf.readerIndex();
			int end = buf.writerIndex();
			for (; index + 8 <= end; index += 8) {
				this.lineFeeds += lineFeeds(buf.getLongLE(index));
			}
			for (; index < end; index++) {
				if (buf.getByte(index) == '\n') {
					this.lineFeeds++;
				}
			}
			if (end > buf.readerIndex()) {
				this.last = buf.getByte(end - 1);
			}
		}

		void accept(byte[] bytes, int length) {
			int index = 0;
			for (; index + 8 <= length; index += 8) {
				this.lineFeeds += lineFeeds((long) LONGS.get(bytes, index));
			}
			for (; index < length; index++) {
				if (bytes[index] == '\n') {
					this.lineFeeds++;
				}
			}
			if (length > 0) {
				this.last = bytes[length - 1];
			}
		}

		/**
		 * The number of {@code '\n'} bytes in a word: XOR makes them zero, and only a zero byte keeps its
		 * high bit clear once its low seven bits plus 0x7F are OR-ed with it.
		 */
		private static int lineFeeds(long word) {
			long x = word ^ 0x0A0A0A0A0A0A0A0AL;
			long nonZero = ((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x;
			return Long.bitCount(~nonZero & 0x8080808080808080L);
		}

		long lines() {
			return this.lineFeeds + ((this.last != '\n') ? 1 : 0);
		}

	}

}
