package io.influxspring.benchmarks;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiscardingSinkTest {

	private final DiscardingSink sink = new DiscardingSink();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@AfterEach
	void close() {
		this.sink.close();
	}

	@Test
	void countsLinesOfPlainAndGzipBodiesOnAnyPath() throws Exception {
		String body = "cpu,host=a usage=1 1\ncpu,host=b usage=2 2\n".repeat(1000) + "cpu last=3i";
		assertThat(post("/api/v2/write?org=o&bucket=b", body.getBytes(StandardCharsets.UTF_8), false)).isEqualTo(204);
		assertThat(post("/write", gzip(body), true)).isEqualTo(204);
		assertThat(post("/write", "é😀 x=1\n".getBytes(StandardCharsets.UTF_8), false)).isEqualTo(204);
		DiscardingSink.Counts counts = this.sink.counts();
		assertThat(counts.lines()).isEqualTo(2 * 2001 + 1);
		assertThat(counts.requests()).isEqualTo(3);
		assertThat(this.sink.paths()).containsExactlyInAnyOrder("/api/v2/write", "/write");
	}

	@Test
	void answersItsCountsAndNotFoundToOtherGets() throws Exception {
		post("/write", "a x=1\nb x=2".getBytes(StandardCharsets.UTF_8), false);
		HttpResponse<String> stats = this.http.send(HttpRequest.newBuilder(uri(DiscardingSink.STATS_PATH)).build(),
				HttpResponse.BodyHandlers.ofString());
		DiscardingSink.Counts counts = DiscardingSink.Counts.parse(stats.body());
		assertThat(counts.lines()).isEqualTo(2);
		assertThat(counts.wireBytes()).isEqualTo(11);
		assertThat(counts.requests()).isEqualTo(1);
		assertThat(counts.cpuNanos()).isPositive();
		assertThat(this.http.send(HttpRequest.newBuilder(uri("/settings")).build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(404);
	}

	@Test
	void behindALinkItCountsTheSameAndTakesAtLeastTheBytesOverTheRate() throws Exception {
		String body = "cpu,host=a usage=1 1\n".repeat(10_000);
		byte[] plain = body.getBytes(StandardCharsets.UTF_8);
		byte[] gzipped = gzip(body);
		try (DiscardingSink link = new DiscardingSink(8_000_000)) {
			long start = System.nanoTime();
			assertThat(post(link, "/write", plain, false)).isEqualTo(204);
			assertThat(post(link, "/write", gzipped, true)).isEqualTo(204);
			long elapsed = System.nanoTime() - start;
			DiscardingSink.Counts counts = link.counts();
			assertThat(counts.lines()).isEqualTo(20_000);
			assertThat(counts.wireBytes()).isEqualTo(plain.length + gzipped.length);
			long linkNanos = (plain.length + gzipped.length) * 1000L;
			assertThat(elapsed).as("1 byte a microsecond").isGreaterThanOrEqualTo(linkNanos - 1_000_000);
		}
	}

	private int post(String path, byte[] body, boolean gzip) throws Exception {
		return post(this.sink, path, body, gzip);
	}

	private int post(DiscardingSink target, String path, byte[] body, boolean gzip) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + target.port() + path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (gzip) {
			request.header("Content-Encoding", "gzip");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.sink.port() + path);
	}

	private static byte[] gzip(String text) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

}
