package io.influxspring.write.gzip;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Bits into a growable byte array, each byte filled from its least significant bit, as deflate
 * writes them (RFC 1951, 3.1.1).
 *
 * @since 0.1.0
 */
final class BitWriter {

	private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class,
			ByteOrder.LITTLE_ENDIAN);

	private byte[] bytes;

	private int size;

	private long bits;

	private int count;

	BitWriter(byte[] bytes, int size) {
		this.bytes = bytes;
		this.size = size;
	}

	/** Makes room for {@code more} bytes beyond what is written. */
	void ensure(int more) {
		long needed = (long) this.size + more + 8;
		if (needed > this.bytes.length) {
			if (needed > Integer.MAX_VALUE - 16) {
				throw new OutOfMemoryError("a compressed body beyond 2 GB");
			}
			this.bytes = Arrays.copyOf(this.bytes, (int) Math.max(needed, Math.min(2L * this.bytes.length,
					Integer.MAX_VALUE - 16)));
		}
	}

	/** Writes the low {@code length} bits of {@code value}, at most 32, whose other bits are 0. */
	void put(int value, int length) {
		this.bits |= (value & 0xffffffffL) << this.count;
		this.count += length;
		if (this.count >= 32) {
			INTS.set(this.bytes, this.size, (int) this.bits);
			this.size += 4;
			this.bits >>>= 32;
			this.count -= 32;
		}
	}

	/** Writes the bits held, padding the last byte with zeros. */
	void alignToByte() {
		while (this.count > 0) {
			this.bytes[this.size++] = (byte) this.bits;
			this.bits >>>= 8;
			this.count -= 8;
		}
		this.bits = 0;
		this.count = 0;
	}

	/** Copies bytes in; the writer must be aligned to a byte. */
	void putBytes(byte[] source, int from, int length) {
		System.arraycopy(source, from, this.bytes, this.size, length);
		this.size += length;
	}

	byte[] bytes() {
		return this.bytes;
	}

	int size() {
		return this.size;
	}

}
