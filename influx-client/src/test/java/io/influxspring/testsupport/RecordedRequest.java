package io.influxspring.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A request received by {@link StubInfluxServer}.
 *
 * @param method request method, e.g. {@code POST}
 * @param target request target as sent: path plus query, e.g. {@code /api/v2/write?bucket=b&precision=ns}
 * @param headers headers by name (case-insensitive map), values in arrival order
 * @param rawBody body bytes as received (chunked transfer coding removed, content coding kept)
 * @param responseStatus status the stub was scripted to answer, 0 when it dropped or reset the connection
 */
public record RecordedRequest(String method, String target, Map<String, List<String>> headers, byte[] rawBody,
		int responseStatus) {

	/** First value of a header (case-insensitive name), or {@code null}. */
	public String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/** Path part of the target (before {@code ?}). */
	public String path() {
		int query = this.target.indexOf('?');
		return (query < 0) ? this.target : this.target.substring(0, query);
	}

	/** First value of a URL-decoded query parameter, or {@code null}. */
	public String queryParameter(String name) {
		int query = this.target.indexOf('?');
		if (query < 0) {
			return null;
		}
		for (String pair : this.target.substring(query + 1).split("&")) {
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			if (key.equals(name)) {
				return (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	/** Body as UTF-8 text, gunzipped first when {@code Content-Encoding: gzip}. */
	public String body() {
		return new String(decodedBody(), StandardCharsets.UTF_8);
	}

	/** Body bytes, gunzipped when {@code Content-Encoding: gzip}. */
	public byte[] decodedBody() {
		String encoding = header("Content-Encoding");
		if (encoding == null || !encoding.trim().equalsIgnoreCase("gzip")) {
			return this.rawBody;
		}
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(this.rawBody))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Request body is not valid gzip", ex);
		}
	}

	/** Whether the stub answered with a 2xx status. */
	public boolean answeredSuccessfully() {
		return this.responseStatus >= 200 && this.responseStatus < 300;
	}

	@Override
	public String toString() {
		return "RecordedRequest[" + this.method + " " + this.target + ", " + this.rawBody.length + " bytes, answered "
				+ this.responseStatus + "]";
	}

}
