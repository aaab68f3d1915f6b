package io.influxspring.write.gzip;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies gzipped with the reused deflater read back whole with the JDK's gzip reader, one after another. */
class GzipEncoderTest {

	private final GzipEncoder encoder = new GzipEncoder();

	@Test
	void lineProtocolReadsBackExactly() throws Exception {
		byte[] lines = "cpu,host=server-01,region=eu-west usage=0.5,count=1i,ok=true 1700000000000000000\n".repeat(5000)
			.getBytes(StandardCharsets.UTF_8);
		byte[] gzipped = this.encoder.encode(lines, lines.length);
		assertThat(gunzip(gzipped)).isEqualTo(lines);
		assertThat(gzipped.length).isLessThan(lines.length / 20);
	}

	@Test
	void onlyTheGivenLengthIsCompressedAndTheEncoderServesBodyAfterBody() throws Exception {
		byte[] lines = "m v=1i\nm v=2i\nignored".getBytes(StandardCharsets.UTF_8);
		assertThat(gunzip(this.encoder.encode(lines, 14))).isEqualTo(Arrays.copyOf(lines, 14));
		assertThat(gunzip(this.encoder.encode(lines, 0))).isEmpty();
		assertThat(gunzip(this.encoder.encode(lines, 7))).isEqualTo(Arrays.copyOf(lines, 7));
	}

	@Test
	void incompressibleBodiesBeyondTheKeptBufferReadBackExactly() throws Exception {
		byte[] noise = new byte[3 * 1024 * 1024];
		new Random(42).nextBytes(noise);
		assertThat(gunzip(this.encoder.encode(noise, noise.length))).isEqualTo(noise);
		byte[] small = "m v=1i\n".getBytes(StandardCharsets.UTF_8);
		assertThat(gunzip(this.encoder.encode(small, small.length))).isEqualTo(small);
		assertThat(gunzip(GzipEncoder.gzip(noise, 1000))).isEqualTo(Arrays.copyOf(noise, 1000));
	}

	private static byte[] gunzip(byte[] gzipped) throws Exception {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
			return in.readAllBytes();
		}
	}

}
