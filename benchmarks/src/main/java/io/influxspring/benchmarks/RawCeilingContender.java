package io.influxspring.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import io.influxspring.write.WritePrecision;
import io.influxspring.write.lineprotocol.LineProtocolBuffer;
import io.influxspring.write.lineprotocol.TagSet;

/**
 * The ceiling: the same lines encoded beforehand (untimed) into bodies of 5000 lines, optionally
 * gzip-compressed (fastest level, as ours), then posted back to back with the JDK's HTTP client on
 * one connection.
 */
final class RawCeilingContender implements Contender {

	private static final int BATCH = 5000;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI uri;

	private final boolean gzip;

	RawCeilingContender(int port, boolean gzip) {
		this.uri = URI.create("http://127.0.0.1:" + port + "/api/v2/write?org=o&bucket=b&precision=ns");
		this.gzip = gzip;
	}

	@Override
	public TimedWrite prepare(long first, int count) throws IOException {
		List<byte[]> bodies = new ArrayList<>();
		LineProtocolBuffer buffer = new LineProtocolBuffer(BATCH * 128);
		for (long i = first, end = first + count; i < end; i++) {
			SamplePoints.point(i).appendTo(buffer, WritePrecision.NS, TagSet.empty());
			buffer.appendByte('\n');
			if ((i - first + 1) % BATCH == 0 || i == end - 1) {
				bodies.add(this.gzip ? gzip(buffer) : buffer.toByteArray());
				buffer.reset();
			}
		}
		return () -> {
			for (byte[] body : bodies) {
				HttpRequest.Builder request = HttpRequest.newBuilder(this.uri)
					.header("Content-Type", "text/plain; charset=utf-8")
					.header("Authorization", "Token t")
					.POST(HttpRequest.BodyPublishers.ofByteArray(body));
				if (this.gzip) {
					request.header("Content-Encoding", "gzip");
				}
				int status = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
				if (status != 204) {
					throw new IllegalStateException("The sink answered " + status);
				}
			}
			return System.nanoTime();
		};
	}

	private static byte[] gzip(LineProtocolBuffer buffer) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(buffer.size() / 4);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
			{
				this.def.setLevel(Deflater.BEST_SPEED);
			}
		}) {
			gzip.write(buffer.array(), 0, buffer.size());
		}
		return out.toByteArray();
	}

	@Override
	public void close() {
	}

}
