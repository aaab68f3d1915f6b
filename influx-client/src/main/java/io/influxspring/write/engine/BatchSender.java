package io.influxspring.write.engine;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

import io.influxspring.write.InfluxWriteException;
import io.influxspring.write.gzip.GzipEncoder;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends one batch as one {@code POST} with WebClient and classifies the answer. Never signals an
 * error: every outcome, network failures included, arrives as a {@link SendOutcome}.
 */
final class BatchSender {

	private static final String LINE_PROTOCOL = "text/plain; charset=utf-8";

	/**
	 * Wraps bodies as Netty buffers: WebClient hands those to Reactor Netty as they are, while it
	 * copies any other kind of buffer into a new array first. Unpooled heap wrappers need no release.
	 */
	private static final NettyDataBufferFactory BODIES = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

	private volatile WebClient webClient;

	private final String baseUrl;

	private final @Nullable String authorization;

	private final int gzipThreshold;

	/** How long a request may take, from compressing its body to its response. */
	private final Duration requestTimeout;

	/** The outcome of a request unanswered within {@link #requestTimeout}. */
	private final Mono<SendOutcome> timedOut;

	/** The URI of the last path posted to, so that a request does not parse it again. */
	private volatile @Nullable WriteUri writeUri;

	BatchSender(WebClient webClient, String baseUrl, @Nullable String authorization, int gzipThreshold,
			Duration requestTimeout) {
		this.webClient = webClient;
		this.requestTimeout = requestTimeout;
		this.timedOut = noAnswerWithin(requestTimeout);
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.authorization = authorization;
		this.gzipThreshold = gzipThreshold;
	}

	/** Sends with another client from now on (one whose connector follows restarted resources). */
	void webClient(WebClient webClient) {
		this.webClient = webClient;
	}

	/** The server's address, for messages; never carries credentials. */
	String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Posts the batch. A body above the gzip threshold is compressed on Reactor's parallel
	 * scheduler, so that the requests in flight compress side by side, off the writer thread; one
	 * compressed ahead is used as it is.
	 */
	Mono<SendOutcome> send(Batch batch, String path) {
		boolean gzip = batch.length > this.gzipThreshold;
		Mono<DataBuffer> body = gzip
				? Mono.fromFuture(gzipped(batch, batch.bytes), true).map(BODIES::wrap)
				: Mono.fromSupplier(() -> BODIES.wrap(Unpooled.wrappedBuffer(batch.bytes, 0, batch.length)));
		return body.flatMap((buffer) -> request(path, gzip, Mono.just(buffer))
			.exchangeToMono((response) -> classify(response, batch)))
			.timeout(this.requestTimeout, this.timedOut)
			.onErrorResume((ex) -> Mono.just(failed(ex)));
	}

	/**
	 * The outcome of a request that got no answer: retried after a network error or a timeout, failed
	 * for anything else (a request that cannot be built, an {@code Error} from a filter, a codec or
	 * the JVM).
	 */
	SendOutcome failed(Throwable ex) {
		return SendOutcome.failure(0, new InfluxWriteException("Request to " + this.baseUrl + " failed: " + describe(ex),
				0, isNetworkError(ex), ex), null);
	}

	private static boolean isNetworkError(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof Error) {
				return false;
			}
			if (cause instanceof IOException || cause instanceof TimeoutException || cause instanceof ChannelException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Checks that a path and query stays on this writer's server.
	 * @throws IllegalArgumentException unless it starts with {@code /} (not {@code //}), has no line
	 * break, space or control character, and resolves to the base URL's scheme, host and port
	 */
	void checkPath(String path) {
		Objects.requireNonNull(path, "Path must not be null");
		if (!path.startsWith("/") || path.startsWith("//")) {
			throw new IllegalArgumentException("The write path '" + path + "' must start with a single '/'");
		}
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c <= ' ' || c == 0x7F) {
				throw new IllegalArgumentException("The write path must not contain spaces, line breaks or control"
						+ " characters (found U+" + String.format("%04X", (int) c) + "); encode them");
			}
		}
		URI base = URI.create(this.baseUrl);
		URI uri;
		try {
			uri = URI.create(this.baseUrl + path);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The write path '" + path + "' is not a valid URI path: " + ex.getMessage(), ex);
		}
		if (!Objects.equals(uri.getRawAuthority(), base.getRawAuthority())) {
			throw new IllegalArgumentException("The write path '" + path + "' would leave " + this.baseUrl);
		}
	}

	private URI writeUri(String path) {
		WriteUri current = this.writeUri;
		if (current == null || !current.path().equals(path)) {
			current = new WriteUri(path, URI.create(this.baseUrl + path));
			this.writeUri = current;
		}
		return current.uri();
	}

	/**
	 * Loads and links what the first request runs, without sending anything: a request to
	 * {@code path} is built but not exchanged.
	 */
	void warmUp(String path) {
		request(path, false, Mono.empty());
	}

	/** A write request to {@code path} with {@code body}, not yet exchanged. */
	private WebClient.RequestHeadersSpec<?> request(String path, boolean gzip, Mono<DataBuffer> body) {
		return this.webClient.post()
			.uri(writeUri(path))
			.headers((headers) -> {
				headers.set(HttpHeaders.CONTENT_TYPE, LINE_PROTOCOL);
				headers.set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
				if (gzip) {
					headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
				}
				if (this.authorization != null) {
					headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
				}
			})
			.body(BodyInserters.fromDataBuffers(body));
	}

	/** Asks the server for {@code /ping}; errors (connection refused, timeout) are signalled. */
	Mono<ServerPing> ping(Duration timeout) {
		return this.webClient.get()
			.uri(URI.create(this.baseUrl + "/ping"))
			.headers((headers) -> {
				if (this.authorization != null) {
					headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
				}
			})
			.exchangeToMono((response) -> {
				String version = response.headers().asHttpHeaders().getFirst("X-Influxdb-Version");
				int status = response.statusCode().value();
				return response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.map((body) -> new ServerPing(status,
							(version != null && !version.isBlank()) ? version : ServerMessages.stringField(body, "version")));
			})
			.timeout(timeout, noAnswerWithin(timeout));
	}

	/**
	 * The error of a request unanswered in time. Given as the fallback, it also spares Reactor from
	 * describing the operator chain on every request.
	 */
	private static <T> Mono<T> noAnswerWithin(Duration timeout) {
		return Mono.error(() -> new TimeoutException("no answer within " + timeout.toMillis() + "ms"));
	}

	private Mono<SendOutcome> classify(ClientResponse response, Batch batch) {
		int status = response.statusCode().value();
		if (response.statusCode().is2xxSuccessful()) {
			return response.releaseBody().thenReturn(SendOutcome.success(status));
		}
		HttpHeaders headers = response.headers().asHttpHeaders();
		String influxError = headers.getFirst("X-Influxdb-Error");
		String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
		return response.bodyToMono(String.class)
			.onErrorResume((ex) -> Mono.just(""))
			.defaultIfEmpty("")
			.map((body) -> outcome(status, body, influxError, retryAfter, batch));
	}

	/**
	 * Classifies an error response: retryable by its status, unless the server's words say the data
	 * itself was refused; a partial write when the server says it kept some lines.
	 */
	private SendOutcome outcome(int status, String body, @Nullable String influxError, @Nullable String retryAfter,
			Batch batch) {
		String serverMessage = ServerMessages.message(body, influxError);
		PartialWrite partial = PartialWrites.read(batch, body, serverMessage);
		boolean retryable = (status == 429 || (status >= 500 && status != 501 && status != 505))
				&& partial == null && !ServerMessages.isPermanent(serverMessage);
		String message = "Server " + this.baseUrl + " answered " + status + ": " + ServerMessages.abbreviate(serverMessage);
		if (partial != null) {
			message += " (kept " + (batch.lineCount - partial.refusedCount()) + " of " + batch.lineCount + " lines"
					+ ((partial.refused() != null) ? ")" : "; which ones it refused, it did not say)");
		}
		InfluxWriteException error = new InfluxWriteException(message, status, retryable, null);
		if (partial != null) {
			return SendOutcome.partial(status, error, partial);
		}
		return SendOutcome.failure(status, error, RetryPolicy.parseRetryAfter(retryAfter, Instant.now()));
	}

	/** The most telling exception of a chain: a TLS failure if there is one, else the root cause. */
	private static String describe(Throwable ex) {
		Throwable cause = ex;
		while (!(cause instanceof SSLException) && cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String text = cause.getClass().getSimpleName();
		return (cause.getMessage() != null) ? text + ": " + cause.getMessage() : text;
	}

	private record WriteUri(String path, URI uri) {
	}

	/**
	 * Begins compressing a batch that waits for a request slot, so that its body is ready when one
	 * frees; called on the dispatcher's thread, like {@link #send}. A batch whose lines have left
	 * memory meanwhile is left for its send.
	 */
	void compressAhead(Batch batch) {
		byte[] bytes = batch.bytes;
		if (batch.length > this.gzipThreshold && bytes.length >= batch.length) {
			try {
				gzipped(batch, bytes);
			}
			catch (RuntimeException ex) {
				// left for the send, which reports what fails
			}
		}
	}

	/** The batch's body being compressed, begun now unless it is already, or anew if it failed. */
	private static CompletableFuture<byte[]> gzipped(Batch batch, byte[] bytes) {
		CompletableFuture<byte[]> body = batch.gzip;
		if (body != null && !body.isCompletedExceptionally()) {
			return body;
		}
		CompletableFuture<byte[]> compressing = new CompletableFuture<>();
		int length = batch.length;
		batch.gzip = compressing;
		try {
			Schedulers.parallel().schedule(() -> {
				try {
					compressing.complete(GzipEncoder.gzip(bytes, length));
				}
				catch (Throwable ex) {
					compressing.completeExceptionally(ex);
				}
			});
		}
		catch (RuntimeException ex) {
			batch.gzip = null;
			throw ex;
		}
		return compressing;
	}

}
