package io.influxspring.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import io.influxspring.write.gzip.GzipEncoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The sink's inflating gives back every byte of a gzip body and refuses a damaged one. */
class GzipBodiesTest {

	private final GzipBodies bodies = GzipBodies.current();

	@Test
	void inflatesBodiesOfTheJdkAndOfTheWriterOneAfterAnother() throws IOException {
		Random random = new Random(3);
		for (int round = 0; round < 50; round++) {
			byte[] plain = lines(random, random.nextInt(20_000));
			byte[] gzip = (round % 2 == 0) ? jdkGzip(plain) : GzipEncoder.gzip(plain, plain.length);
			assertThat(inflate(gzip, gzip.length)).isEqualTo(plain);
		}
	}

	@Test
	void skipsANameAndExtraFieldsInTheHeader() throws IOException {
		byte[] plain = "cpu usage=1\ncpu usage=2\n".getBytes(StandardCharsets.UTF_8);
		byte[] gzip = jdkGzip(plain);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(gzip, 0, 3);
		out.write(4 | 8);
		out.write(gzip, 4, 6);
		out.write(new byte[] { 3, 0, 'a', 'b', 'c' });
		out.write("body.txt\0".getBytes(StandardCharsets.US_ASCII));
		out.write(gzip, 10, gzip.length - 10);
		byte[] named = out.toByteArray();
		assertThat(inflate(named, named.length)).isEqualTo(plain);
	}

	@Test
	void refusesABodyWhoseChecksumOrLengthIsWrong() throws IOException {
		byte[] plain = lines(new Random(4), 1000);
		byte[] gzip = jdkGzip(plain);
		gzip[gzip.length - 8] ^= 1;
		assertThatIllegalArgumentException().isThrownBy(() -> inflate(gzip, gzip.length)).withMessageContaining("trailer");
		byte[] truncated = jdkGzip(plain);
		assertThatIllegalArgumentException().isThrownBy(() -> inflate(truncated, truncated.length - 20));
	}

	private byte[] inflate(byte[] gzip, int length) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.bodies.inflate(gzip, length, (bytes, read) -> out.write(bytes, 0, read));
		return out.toByteArray();
	}

	private static byte[] lines(Random random, int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append("cpu,host=h").append(random.nextInt(50)).append(" usage=").append(random.nextDouble())
				.append(' ').append(i).append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] jdkGzip(byte[] plain) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(plain);
		}
		return out.toByteArray();
	}

}
