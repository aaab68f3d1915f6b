package io.influxspring.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP/1.1 wire format pieces used by {@link StubInfluxServer}: request head and body parsing (including the
 * chunked transfer coding) and response writing.
 */
final class StubHttpCodec {

	private static final int MAX_LINE = 64 * 1024;

	private StubHttpCodec() {
	}

	/** Writes a scripted response; {@code Content-Length} is generated, except for 204 and 304. */
	static void writeResponse(OutputStream out, StubResponse response, String method, boolean keepAlive)
			throws IOException {
		int status = response.statusCode();
		boolean bodyAllowed = status != 204 && status != 304;
		StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status));
		head.append("\r\n");
		boolean connectionScripted = false;
		for (Map.Entry<String, String> header : response.headers()) {
			head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
			connectionScripted |= header.getKey().equalsIgnoreCase("Connection");
		}
		if (bodyAllowed) {
			head.append("Content-Length: ").append(response.bodyUnsafe().length).append("\r\n");
		}
		if (!keepAlive && !connectionScripted) {
			head.append("Connection: close\r\n");
		}
		out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
		if (bodyAllowed && !method.equals("HEAD")) {
			out.write(response.bodyUnsafe());
		}
		out.flush();
	}

	/** Whether the scripted response carries {@code Connection: close}. */
	static boolean closesConnection(StubResponse response) {
		return response.headers()
			.stream()
			.anyMatch((h) -> h.getKey().equalsIgnoreCase("Connection") && "close".equalsIgnoreCase(h.getValue()));
	}

	/** Reads header lines up to the empty line into an unmodifiable case-insensitive map. */
	static Map<String, List<String>> readHeaders(InputStream in) throws IOException {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.computeIfAbsent(line.substring(0, colon).trim(), (k) -> new ArrayList<>())
					.add(line.substring(colon + 1).trim());
			}
		}
		headers.replaceAll((name, values) -> List.copyOf(values));
		return Collections.unmodifiableMap(headers);
	}

	/** Reads a body framed by {@code Transfer-Encoding: chunked} or {@code Content-Length} (empty otherwise). */
	static byte[] readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
		String transferEncoding = first(headers, "Transfer-Encoding");
		if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).trim().endsWith("chunked")) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			while (true) {
				String sizeLine = requireLine(in);
				int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
				if (size == 0) {
					while (!requireLine(in).isEmpty()) {
						// skip trailers
					}
					return body.toByteArray();
				}
				body.write(readExactly(in, size));
				requireLine(in);
			}
		}
		String length = first(headers, "Content-Length");
		return (length != null) ? readExactly(in, Integer.parseInt(length.trim())) : new byte[0];
	}

	private static byte[] readExactly(InputStream in, int length) throws IOException {
		byte[] bytes = in.readNBytes(length);
		if (bytes.length != length) {
			throw new EOFException("Expected " + length + " body bytes, got " + bytes.length);
		}
		return bytes;
	}

	private static String requireLine(InputStream in) throws IOException {
		String line = readLine(in);
		if (line == null) {
			throw new EOFException("Connection closed inside a chunked body");
		}
		return line;
	}

	/** Reads a CRLF- or LF-terminated ISO-8859-1 line; {@code null} at end of stream before any byte. */
	static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1 && b != '\n') {
			if (line.size() >= MAX_LINE) {
				throw new IOException("Line too long");
			}
			line.write(b);
		}
		if (b == -1 && line.size() == 0) {
			return null;
		}
		String text = line.toString(StandardCharsets.ISO_8859_1);
		return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
	}

	/** First value of a header, or {@code null}. */
	static String first(Map<String, List<String>> headers, String name) {
		List<String> values = headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	private static String reason(int status) {
		switch (status) {
			case 200: return "OK";
			case 204: return "No Content";
			case 400: return "Bad Request";
			case 401: return "Unauthorized";
			case 403: return "Forbidden";
			case 404: return "Not Found";
			case 413: return "Request Entity Too Large";
			case 422: return "Unprocessable Entity";
			case 429: return "Too Many Requests";
			case 500: return "Internal Server Error";
			case 502: return "Bad Gateway";
			case 503: return "Service Unavailable";
			case 504: return "Gateway Timeout";
			default: return "Status " + status;
		}
	}

}
