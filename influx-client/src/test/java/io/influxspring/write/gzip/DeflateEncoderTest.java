package io.influxspring.write.gzip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw deflate read back by the JDK's inflater (zlib), for every kind of block the encoder writes. */
class DeflateEncoderTest {

	private final DeflateEncoder encoder = new DeflateEncoder();

	@Test
	void lineProtocolReadsBackExactlyAndAboutAsSmallAsZlibsFastestLevel() throws Exception {
		byte[] lines = lines(5000);
		byte[] deflated = deflate(lines);
		assertThat(inflate(deflated, lines.length)).isEqualTo(lines);
		assertThat(deflated.length).isLessThan(zlibFastest(lines) * 105 / 100);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2, 3, 4, 5, 7, 8, 9, 258, 259, 1000 })
	void shortAndEmptyInputsReadBackExactly(int length) throws Exception {
		byte[] input = Arrays.copyOf("m,t=a v=1i 1\n".repeat(100).getBytes(StandardCharsets.UTF_8), length);
		assertThat(inflate(deflate(input), length)).isEqualTo(input);
	}

	@Test
	void incompressibleInputIsStoredInBlocksOfAtMost65535BytesAndReadsBack() throws Exception {
		byte[] noise = new byte[200_000];
		new Random(7).nextBytes(noise);
		byte[] deflated = deflate(noise);
		assertThat(inflate(deflated, noise.length)).isEqualTo(noise);
		assertThat(deflated.length).isLessThan(noise.length + 5 * 8 + 64);
	}

	@Test
	void longRunsAreMatchesOfAtMost258BytesOverlappingTheirSource() throws Exception {
		byte[] run = new byte[100_000];
		Arrays.fill(run, (byte) 'x');
		byte[] deflated = deflate(run);
		assertThat(inflate(deflated, run.length)).isEqualTo(run);
		assertThat(deflated.length).isLessThan(1000);
	}

	@Test
	void bytesSeenFurtherBackThanTheWindowAreNotMatched() throws Exception {
		byte[] chunk = new byte[40_000];
		new Random(11).nextBytes(chunk);
		byte[] twice = new byte[2 * chunk.length];
		System.arraycopy(chunk, 0, twice, 0, chunk.length);
		System.arraycopy(chunk, 0, twice, chunk.length, chunk.length);
		assertThat(inflate(deflate(twice), twice.length)).isEqualTo(twice);
	}

	@Test
	void manyBlocksOfMixedInputReadBackAsOneStream() throws Exception {
		Random random = new Random(3);
		byte[] mixed = new byte[1_500_000];
		byte[] lines = lines(20_000);
		for (int at = 0; at < mixed.length;) {
			int length = Math.min(mixed.length - at, 1 + random.nextInt(5000));
			if (random.nextBoolean()) {
				byte[] noise = new byte[length];
				random.nextBytes(noise);
				System.arraycopy(noise, 0, mixed, at, length);
			}
			else {
				System.arraycopy(lines, random.nextInt(lines.length - length), mixed, at, length);
			}
			at += length;
		}
		assertThat(inflate(deflate(mixed), mixed.length)).isEqualTo(mixed);
	}

	@Test
	void oneEncoderServesBodyAfterBodyWithoutMatchingAnEarlierOne() throws Exception {
		Random random = new Random(5);
		for (int i = 0; i < 200; i++) {
			byte[] input = new byte[random.nextInt(3000)];
			int alphabet = 1 + random.nextInt(255);
			for (int j = 0; j < input.length; j++) {
				input[j] = (byte) ('!' + random.nextInt(alphabet));
			}
			assertThat(inflate(deflate(input), input.length)).as("body %d", i).isEqualTo(input);
		}
	}

	@Test
	void positionsStartOverBeforeTheyWouldOverflow() throws Exception {
		byte[] lines = lines(100);
		this.encoder.startPositionsAt(Integer.MAX_VALUE - lines.length - 10);
		assertThat(inflate(deflate(lines), lines.length)).isEqualTo(lines);
		assertThat(inflate(deflate(lines), lines.length)).isEqualTo(lines);
	}

	private byte[] deflate(byte[] input) {
		BitWriter out = new BitWriter(new byte[16], 0);
		this.encoder.deflate(input, input.length, out);
		return Arrays.copyOf(out.bytes(), out.size());
	}

	static byte[] lines(int count) {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < count; i++) {
			lines.append("cpu,host=server-").append(i % 64).append(",region=eu-west usage=").append((i % 100) / 100.0)
				.append(",count=").append(i).append("i,ok=").append((i & 1) == 0).append(' ')
				.append(1_700_000_000_000_000_000L + 1_000_003L * i).append('\n');
		}
		return lines.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Inflates a whole raw deflate stream, which must end with its final block and nothing after. */
	static byte[] inflate(byte[] deflated, int length) throws DataFormatException {
		Inflater inflater = new Inflater(true);
		inflater.setInput(deflated);
		byte[] out = new byte[length + 1];
		int size = 0;
		while (!inflater.finished()) {
			int n = inflater.inflate(out, size, out.length - size);
			assertThat(n > 0 || inflater.finished()).as("inflater stalled at %d", size).isTrue();
			size += n;
		}
		assertThat(inflater.getRemaining()).isZero();
		inflater.end();
		return Arrays.copyOf(out, size);
	}

	private static int zlibFastest(byte[] input) {
		Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
		deflater.setInput(input);
		deflater.finish();
		byte[] out = new byte[input.length + 1024];
		int size = 0;
		while (!deflater.finished()) {
			size += deflater.deflate(out, size, out.length - size);
		}
		deflater.end();
		return size;
	}

}
