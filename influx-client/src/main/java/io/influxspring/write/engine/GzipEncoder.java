package io.influxspring.write.engine;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip of request bodies at {@link Deflater#BEST_SPEED}, with one {@link Deflater} and one output
 * buffer kept per thread (Reactor's parallel threads): raw deflate between a gzip header and
 * trailer written here, so that a body costs one native stream reset instead of a native stream's
 * setup and teardown, and one copy of the compressed bytes.
 */
final class GzipEncoder {

	private static final ThreadLocal<GzipEncoder> ENCODERS = ThreadLocal.withInitial(GzipEncoder::new);

	private static final int HEADER = 10;

	private static final int TRAILER = 8;

	/** An output buffer grown beyond this is not kept for the next body. */
	private static final int MAX_KEPT = 1024 * 1024;

	private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);

	private final CRC32 crc = new CRC32();

	private byte[] buffer = new byte[64 * 1024];

	/** {@code length} bytes of {@code bytes}, from offset 0, gzipped (RFC 1952). */
	static byte[] gzip(byte[] bytes, int length) {
		return ENCODERS.get().encode(bytes, length);
	}

	byte[] encode(byte[] bytes, int length) {
		this.deflater.reset();
		this.deflater.setInput(bytes, 0, length);
		this.deflater.finish();
		byte[] out = this.buffer;
		out[0] = 0x1f;
		out[1] = (byte) 0x8b;
		out[2] = Deflater.DEFLATED;
		Arrays.fill(out, 3, HEADER, (byte) 0);
		int size = HEADER;
		while (!this.deflater.finished()) {
			if (size == out.length) {
				out = Arrays.copyOf(out, out.length * 2);
			}
			size += this.deflater.deflate(out, size, out.length - size);
		}
		if (size + TRAILER > out.length) {
			out = Arrays.copyOf(out, size + TRAILER);
		}
		this.crc.reset();
		this.crc.update(bytes, 0, length);
		littleEndian(out, size, (int) this.crc.getValue());
		littleEndian(out, size + 4, length);
		if (out.length <= MAX_KEPT) {
			this.buffer = out;
		}
		return Arrays.copyOf(out, size + TRAILER);
	}

	private static void littleEndian(byte[] out, int offset, int value) {
		out[offset] = (byte) value;
		out[offset + 1] = (byte) (value >>> 8);
		out[offset + 2] = (byte) (value >>> 16);
		out[offset + 3] = (byte) (value >>> 24);
	}

}
