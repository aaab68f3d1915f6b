package io.influxspring.write.gzip;

import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Gzip (RFC 1952) of request bodies, with one {@link DeflateEncoder} and one output buffer kept
 * per thread (Reactor's parallel threads): the deflated body between a gzip header and trailer
 * written here, and one copy of the compressed bytes. Internal to the writer.
 *
 * @since 0.1.0
 */
public final class GzipEncoder {

	private static final ThreadLocal<GzipEncoder> ENCODERS = ThreadLocal.withInitial(GzipEncoder::new);

	private static final int HEADER = 10;

	private static final int TRAILER = 8;

	/** An output buffer grown beyond this is not kept for the next body. */
	private static final int MAX_KEPT = 1024 * 1024;

	private final DeflateEncoder deflater = new DeflateEncoder();

	private final CRC32 crc = new CRC32();

	private byte[] buffer = new byte[64 * 1024];

	/** {@code length} bytes of {@code bytes}, from offset 0, gzipped by this thread's encoder. */
	public static byte[] gzip(byte[] bytes, int length) {
		return ENCODERS.get().encode(bytes, length);
	}

	/** {@code length} bytes of {@code bytes}, from offset 0, gzipped. */
	public byte[] encode(byte[] bytes, int length) {
		byte[] out = this.buffer;
		out[0] = 0x1f;
		out[1] = (byte) 0x8b;
		out[2] = 8;
		Arrays.fill(out, 3, HEADER, (byte) 0);
		out[9] = (byte) 255;
		BitWriter writer = new BitWriter(out, HEADER);
		this.deflater.deflate(bytes, length, writer);
		writer.ensure(TRAILER);
		out = writer.bytes();
		int size = writer.size();
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
