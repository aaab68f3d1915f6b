package io.influxspring.testsupport;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Minimal blocking HTTP/1.1 client used by the test servers to talk to the databases they run.
 */
final class SimpleHttp {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient client;

	SimpleHttp() {
		this(null);
	}

	/** A client that trusts what {@code sslContext} trusts, or the JDK's defaults when {@code null}. */
	SimpleHttp(SSLContext sslContext) {
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5));
		if (sslContext != null) {
			builder.sslContext(sslContext);
		}
		this.client = builder.build();
	}

	/** Sends a GET request and returns the response with a UTF-8 body. */
	HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	/** Sends a POST request with the given body and content type. */
	HttpResponse<String> post(String url, String contentType, byte[] body) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** Sends a POST request with an {@code application/x-www-form-urlencoded} body. */
	HttpResponse<String> postForm(String url, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return post(url, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
	}

	/** Sends a request built by the caller. */
	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.timeout(REQUEST_TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for an HTTP response", ex);
		}
	}

	/** Returns {@code true} when a GET of {@code url} answers {@code expectedStatus}; any error counts as not ready. */
	boolean answers(String url, int expectedStatus) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
			return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == expectedStatus;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** URL-encodes a query or form parameter as UTF-8. */
	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
