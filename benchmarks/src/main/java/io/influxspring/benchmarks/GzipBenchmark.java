package io.influxspring.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import io.influxspring.write.Point;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.gzip.GzipEncoder;
import io.influxspring.write.lineprotocol.LineProtocolBuffer;
import io.influxspring.write.lineprotocol.TagSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Gzip of one request body of 5000 points: a {@link GZIPOutputStream} per body at
 * {@code BEST_SPEED} into a growing byte stream (the writer up to 2026-12-01), one raw zlib
 * {@link Deflater} at {@code BEST_SPEED} reset per body with the gzip header and trailer written
 * by hand into a kept buffer (the writer up to 2026-12-02), and the writer's own
 * {@link GzipEncoder} (since). The {@code typical} body is {@link SamplePoints}' (about 425 KB);
 * the {@code varied} one has 17-digit floats, 200 hosts and timestamps microseconds apart (about
 * 490 KB). Divide by 5000 for a point.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GzipBenchmark {

	@Param({ "typical", "varied" })
	public String points;

	private byte[] body;

	private int length;

	private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);

	private final CRC32 crc = new CRC32();

	private byte[] kept = new byte[64 * 1024];

	private final GzipEncoder encoder = new GzipEncoder();

	@Setup
	public void encode() {
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		Random random = new Random(1);
		long time = SamplePoints.FIRST_TIME_NANOS;
		for (int i = 0; i < 5000; i++) {
			Point point = SamplePoints.point(i);
			if (this.points.equals("varied")) {
				time += 1_000_000 + random.nextInt(8_000_000);
				point = Point.measurement("weather")
					.tag("station", "st-" + random.nextInt(200))
					.tag("city", "city" + random.nextInt(10))
					.field("temp", -20 + 60 * random.nextDouble())
					.field("hum", random.nextInt(101))
					.field("note", "ok " + random.nextInt(10))
					.time(time, WritePrecision.NS);
			}
			point.appendTo(buffer, WritePrecision.NS, TagSet.empty());
			buffer.appendUtf8("\n");
		}
		this.body = buffer.array();
		this.length = buffer.size();
	}

	@Benchmark
	public byte[] streamPerBody() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, this.length / 4));
		try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
			{
				this.def.setLevel(Deflater.BEST_SPEED);
			}
		}) {
			gzip.write(this.body, 0, this.length);
		}
		return out.toByteArray();
	}

	@Benchmark
	public byte[] gzipEncoder() {
		return this.encoder.encode(this.body, this.length);
	}

	@Benchmark
	public byte[] reusedDeflater() {
		this.deflater.reset();
		this.deflater.setInput(this.body, 0, this.length);
		this.deflater.finish();
		byte[] out = this.kept;
		int size = 10;
		while (!this.deflater.finished()) {
			if (size == out.length) {
				out = Arrays.copyOf(out, out.length * 2);
			}
			size += this.deflater.deflate(out, size, out.length - size);
		}
		this.kept = out;
		this.crc.reset();
		this.crc.update(this.body, 0, this.length);
		return Arrays.copyOf(out, size + 8);
	}

}
