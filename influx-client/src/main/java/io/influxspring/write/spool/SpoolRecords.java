package io.influxspring.write.spool;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

import org.jspecify.annotations.Nullable;

/**
 * The record format. A record is a type byte, the body's length (int), a CRC32C (int) over the
 * type, the length and the body, then the body; big-endian. A {@link #BATCH} body is the batch id
 * (long), the line count (int), the line end offsets (ints) and the lines; an {@link #ACK} body is
 * the id of a batch settled for good.
 */
final class SpoolRecords {

	static final byte BATCH = 1;

	static final byte ACK = 2;

	static final int HEADER = 9;

	static final int ACK_SIZE = HEADER + Long.BYTES;

	private static final int BATCH_FIXED = Long.BYTES + Integer.BYTES;

	private SpoolRecords() {
	}

	/** The bytes a batch's record takes, header included. */
	static long batchSize(int length, int lineCount) {
		return HEADER + BATCH_FIXED + 4L * lineCount + length;
	}

	/**
	 * @throws IllegalArgumentException unless the line ends are increasing, within {@code bytes},
	 * and the last is {@code length}
	 */
	static void check(byte[] bytes, int length, int[] lineEnds, int lineCount) {
		if (length < 0 || length > bytes.length || lineCount < 0 || lineCount > lineEnds.length
				|| !validEnds(lineEnds, lineCount, length)) {
			throw new IllegalArgumentException("Not a batch of lines: " + length + " bytes of " + bytes.length + ", "
					+ lineCount + " line ends of " + lineEnds.length);
		}
		if (batchSize(length, lineCount) > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("A batch of " + length + " bytes is too large for a spool record");
		}
	}

	/** A batch record: a header and the line ends, then the lines themselves (not copied). */
	static ByteBuffer[] batch(long id, byte[] bytes, int length, int[] lineEnds, int lineCount) {
		ByteBuffer head = ByteBuffer.allocate(HEADER + BATCH_FIXED + 4 * lineCount);
		head.put(BATCH).putInt(BATCH_FIXED + 4 * lineCount + length).putInt(0).putLong(id).putInt(lineCount);
		for (int i = 0; i < lineCount; i++) {
			head.putInt(lineEnds[i]);
		}
		CRC32C crc = new CRC32C();
		crc.update(head.array(), 0, 5);
		crc.update(head.array(), HEADER, head.capacity() - HEADER);
		crc.update(bytes, 0, length);
		head.putInt(5, (int) crc.getValue()).flip();
		return new ByteBuffer[] { head, ByteBuffer.wrap(bytes, 0, length) };
	}

	static ByteBuffer[] ack(long id) {
		ByteBuffer record = ByteBuffer.allocate(ACK_SIZE);
		record.put(ACK).putInt(Long.BYTES).putInt(0).putLong(id);
		record.putInt(5, crc(ACK, Long.BYTES, record.array(), HEADER)).flip();
		return new ByteBuffer[] { record };
	}

	/** Whether a header read from disk can start a record of {@code remaining} bytes at most. */
	static boolean plausible(byte type, int length, long remaining) {
		return (type == BATCH || type == ACK) && length >= 0 && length <= remaining - HEADER;
	}

	static int crc(byte type, int length, byte[] body, int offset) {
		CRC32C crc = new CRC32C();
		crc.update(type);
		crc.update(ByteBuffer.allocate(Integer.BYTES).putInt(length).array());
		crc.update(body, offset, length);
		return (int) crc.getValue();
	}

	/** The id an intact ACK body holds, or {@code null} for a malformed one. */
	static @Nullable Long ackId(byte[] body) {
		return (body.length == Long.BYTES) ? ByteBuffer.wrap(body).getLong() : null;
	}

	/** The batch an intact BATCH body holds, or {@code null} for a malformed one. */
	static @Nullable SpooledBatch batch(byte[] body) {
		if (body.length < BATCH_FIXED) {
			return null;
		}
		ByteBuffer buffer = ByteBuffer.wrap(body);
		long id = buffer.getLong();
		int lineCount = buffer.getInt();
		if (lineCount < 0 || lineCount > buffer.remaining() / 4) {
			return null;
		}
		int[] lineEnds = new int[lineCount];
		buffer.asIntBuffer().get(lineEnds);
		int start = BATCH_FIXED + 4 * lineCount;
		if (!validEnds(lineEnds, lineCount, body.length - start)) {
			return null;
		}
		return new SpooledBatch(id, Arrays.copyOfRange(body, start, body.length), lineEnds, lineCount);
	}

	private static boolean validEnds(int[] lineEnds, int lineCount, int length) {
		int previous = 0;
		for (int i = 0; i < lineCount; i++) {
			if (lineEnds[i] <= previous) {
				return false;
			}
			previous = lineEnds[i];
		}
		return previous == length;
	}

}
