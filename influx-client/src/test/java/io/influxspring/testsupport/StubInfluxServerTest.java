package io.influxspring.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StubInfluxServerTest {

	@RegisterExtension
	static final StubInfluxServer stub = new StubInfluxServer();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void answersScriptedResponsesInOrderThenDefault() throws Exception {
		stub.enqueue(StubResponse.status(429).header("Retry-After", "1"),
				StubResponse.status(400).jsonBody("{\"code\":\"invalid\",\"message\":\"bad line\"}"));
		HttpResponse<String> first = post("/api/v2/write?bucket=b&precision=ns", "m f=1 1");
		HttpResponse<String> second = post("/api/v2/write", "m f=2 2");
		HttpResponse<String> third = post("/api/v2/write", "m f=3 3");
		assertThat(first.statusCode()).isEqualTo(429);
		assertThat(first.headers().firstValue("retry-after")).hasValue("1");
		assertThat(second.statusCode()).isEqualTo(400);
		assertThat(second.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(second.body()).contains("bad line");
		assertThat(third.statusCode()).isEqualTo(204);
		RecordedRequest request = stub.takeRequest(Duration.ofSeconds(1));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/v2/write");
		assertThat(request.queryParameter("precision")).isEqualTo("ns");
		assertThat(request.header("CONTENT-TYPE")).isEqualTo("text/plain");
		assertThat(request.responseStatus()).isEqualTo(429);
		assertThat(stub.requestCount()).isEqualTo(3);
		assertThat(stub.receivedLines()).containsExactly("m f=3 3");
	}

	@Test
	void stateIsFreshInEachTest() throws Exception {
		assertThat(stub.requestCount()).isZero();
		stub.setDefaultResponse(StubResponse.status(503));
		assertThat(post("/write", "x").statusCode()).isEqualTo(503);
		stub.reset();
		assertThat(post("/write", "x").statusCode()).isEqualTo(204);
		assertThat(stub.takeRequest(Duration.ofMillis(50))).isNotNull();
		assertThat(stub.takeRequest(Duration.ofMillis(50))).isNull();
	}

	@Test
	void decodesGzipBodies() throws Exception {
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
			gzip.write("cpu,host=a usage=1 1\ncpu,host=b usage=2 2\n".getBytes(StandardCharsets.UTF_8));
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(stub.url() + "/write"))
			.header("Content-Encoding", "gzip")
			.POST(HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray()))
			.build();
		assertThat(this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
		assertThat(stub.requests().get(0).rawBody()).isEqualTo(gzipped.toByteArray());
		assertThat(stub.receivedLines()).containsExactly("cpu,host=a usage=1 1", "cpu,host=b usage=2 2");
	}

	@Test
	void decodesChunkedBodiesAndHonoursExpectContinue() throws Exception {
		byte[] body = "m f=1 1\nm f=2 2\n".getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create(stub.url() + "/write"))
			.expectContinue(true)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();
		assertThat(this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
		RecordedRequest recorded = stub.takeRequest(Duration.ofSeconds(1));
		assertThat(recorded.header("Transfer-Encoding")).isEqualTo("chunked");
		assertThat(recorded.header("Expect")).isEqualToIgnoringCase("100-continue");
		assertThat(recorded.body()).isEqualTo("m f=1 1\nm f=2 2\n");
	}

	@Test
	void keepsConnectionsAliveAndParsesChunkExtensionsAndTrailers() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", stub.port())) {
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			out.write(("POST /write?db=a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ "4;ext=1\r\nm f=\r\n2\r\n1\n\r\n0\r\nX-Trailer: t\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(readHead(in)).startsWith("HTTP/1.1 204 No Content");
			out.write("POST /write?db=b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nn g=2"
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(readHead(in)).startsWith("HTTP/1.1 204 No Content");
		}
		assertThat(stub.receivedLines()).containsExactly("m f=1", "n g=2");
		assertThat(stub.requests()).extracting(RecordedRequest::target).containsExactly("/write?db=a", "/write?db=b");
	}

	@Test
	void droppedAndResetConnectionsFailTheClient() throws Exception {
		stub.enqueue(StubResponse.dropConnection(), StubResponse.reset());
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> post("/write", "m f=1 1"));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> post("/write", "m f=2 2"));
		assertThat(stub.requests()).extracting(RecordedRequest::responseStatus).containsExactly(0, 0);
		assertThat(stub.receivedLines()).isEmpty();
		assertThat(post("/write", "m f=3 3").statusCode()).isEqualTo(204);
	}

	@Test
	void delaysResponses() throws Exception {
		stub.enqueue(StubResponse.noContent().delay(Duration.ofSeconds(5)),
				StubResponse.status(200).delay(Duration.ofMillis(200)));
		HttpRequest slow = HttpRequest.newBuilder(URI.create(stub.url() + "/write"))
			.timeout(Duration.ofMillis(300))
			.POST(HttpRequest.BodyPublishers.ofString("m f=1 1"))
			.build();
		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> this.client.send(slow, HttpResponse.BodyHandlers.discarding()));
		long started = System.nanoTime();
		assertThat(post("/write", "m f=2 2").statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(stub.receivedLines()).containsExactly("m f=1 1", "m f=2 2");
	}

	/**
	 * A request begun before a reset (a disposed writer's last body, still arriving when the next
	 * test starts) belongs to the test that is over: it is neither recorded nor answered from the
	 * new script.
	 */
	@Test
	void aRequestBegunBeforeAResetIsNotCountedAfterIt() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", stub.port())) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /write HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\nExpect: 100-continue\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 100");
			stub.reset();
			stub.enqueue(StubResponse.status(429));
			out.write("m f=1 1".getBytes(StandardCharsets.US_ASCII));
			socket.setSoTimeout(5000);
			assertThat(socket.getInputStream().read()).isEqualTo(-1);
		}
		assertThat(stub.requests()).isEmpty();
		assertThat(post("/write", "m f=2 2").statusCode()).isEqualTo(429);
		assertThat(stub.receivedLines()).isEmpty();
	}

	@Test
	void survivesMalformedRequests() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", stub.port())) {
			String malformed = "POST /write HTTP/1.1\r\nContent-Length: nope\r\n\r\n";
			socket.getOutputStream().write(malformed.getBytes(StandardCharsets.US_ASCII));
			assertThat(socket.getInputStream().read()).isEqualTo(-1);
		}
		assertThat(post("/write", "m f=1 1").statusCode()).isEqualTo(204);
	}

	@Test
	void closeClosesOpenClientConnections() throws Exception {
		StubInfluxServer own = new StubInfluxServer().start();
		try (own; Socket socket = new Socket("127.0.0.1", own.port())) {
			OutputStream out = socket.getOutputStream();
			out.write("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 204");
			own.close();
			socket.setSoTimeout(5000);
			assertThat(socket.getInputStream().read()).isEqualTo(-1);
		}
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(own::port);
	}

	private HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(stub.url() + target))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.write(b);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

}
