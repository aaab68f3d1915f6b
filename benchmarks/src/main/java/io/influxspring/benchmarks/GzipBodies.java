package io.influxspring.benchmarks;

import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates gzip bodies (RFC 1952, one member) for the sink with one {@link Inflater}, checksum and
 * buffers per thread, checking the trailer's CRC-32 and size as a server's reader does. A new
 * {@code GZIPInputStream} per body set up a native inflater and a fresh chunk for every request.
 *
 * @since 0.1.0
 */
final class GzipBodies {

	private static final ThreadLocal<GzipBodies> CURRENT = ThreadLocal.withInitial(GzipBodies::new);

	private static final int FHCRC = 2;

	private static final int FEXTRA = 4;

	private static final int FNAME = 8;

	private static final int FCOMMENT = 16;

	private final Inflater inflater = new Inflater(true);

	private final CRC32 crc = new CRC32();

	private final byte[] chunk = new byte[64 * 1024];

	private byte[] body = new byte[64 * 1024];

	/** What receives the inflated bytes, a chunk at a time. */
	interface Chunks {

		void accept(byte[] bytes, int length);

	}

	/** This thread's instance. */
	static GzipBodies current() {
		return CURRENT.get();
	}

	/** An array of at least {@code length} bytes to gather a body in, kept for the next body. */
	byte[] body(int length) {
		if (this.body.length < length) {
			this.body = new byte[Math.max(length, 2 * this.body.length)];
		}
		return this.body;
	}

	/** Inflates {@code length} bytes of {@code gzip}, handing the inflated bytes to {@code chunks}. */
	void inflate(byte[] gzip, int length, Chunks chunks) {
		int at = headerLength(gzip, length);
		if (length - at < 8) {
			throw new IllegalArgumentException("A gzip body of " + length + " bytes has no room for its trailer");
		}
		this.inflater.reset();
		this.crc.reset();
		this.inflater.setInput(gzip, at, length - at - 8);
		long inflated = 0;
		try {
			while (!this.inflater.finished()) {
				int read = this.inflater.inflate(this.chunk);
				if (read == 0 && (this.inflater.needsInput() || this.inflater.needsDictionary())) {
					throw new IllegalArgumentException("A gzip body ends before its deflate data");
				}
				this.crc.update(this.chunk, 0, read);
				inflated += read;
				chunks.accept(this.chunk, read);
			}
		}
		catch (DataFormatException ex) {
			throw new IllegalArgumentException("Bad deflate data in a gzip body", ex);
		}
		if (this.inflater.getRemaining() != 0) {
			throw new IllegalArgumentException(this.inflater.getRemaining() + " bytes between deflate data and trailer");
		}
		int trailer = length - 8;
		if (littleEndian(gzip, trailer) != (int) this.crc.getValue() || littleEndian(gzip, trailer + 4) != (int) inflated) {
			throw new IllegalArgumentException("A gzip body's trailer does not match its " + inflated + " bytes");
		}
	}

	private static int headerLength(byte[] gzip, int length) {
		if (length < 10 || (gzip[0] & 0xff) != 0x1f || (gzip[1] & 0xff) != 0x8b || gzip[2] != 8) {
			throw new IllegalArgumentException("Not a gzip body");
		}
		int flags = gzip[3];
		int at = 10;
		if ((flags & FEXTRA) != 0) {
			at += 2 + ((gzip[at] & 0xff) | (gzip[at + 1] & 0xff) << 8);
		}
		if ((flags & FNAME) != 0) {
			at = endOfText(gzip, at, length);
		}
		if ((flags & FCOMMENT) != 0) {
			at = endOfText(gzip, at, length);
		}
		return ((flags & FHCRC) != 0) ? at + 2 : at;
	}

	private static int endOfText(byte[] gzip, int at, int length) {
		while (at < length && gzip[at] != 0) {
			at++;
		}
		return at + 1;
	}

	private static int littleEndian(byte[] bytes, int at) {
		return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
				| (bytes[at + 3] & 0xff) << 24;
	}

}
