package io.influxspring.write.engine;

import java.util.ArrayDeque;

/**
 * The arrays of batches written on their first attempt that no listener can see, kept for the open
 * batch to fill again, so that a steady stream of batches allocates none, however many are outstanding
 * at once. An array is kept only if it fits, with those kept and the lines held, in {@code buffer-memory},
 * and none larger than twice a batch's limits. Guarded by the writer's lock.
 */
final class BatchArrays {

	private final ArrayDeque<byte[]> bytes = new ArrayDeque<>();

	private final ArrayDeque<int[]> lineEnds = new ArrayDeque<>();

	private final long memory;

	private final long maxBytes;

	private final int maxLines;

	private long keptBytes;

	BatchArrays(long memory, int maxBatchBytes, int batchSize) {
		this.memory = memory;
		this.maxBytes = 2L * maxBatchBytes;
		this.maxLines = batchSize;
	}

	/** Keeps the arrays of a batch that nothing reads any more, as far as the lines held leave room. */
	void give(byte[] bytes, int[] lineEnds, long heldBytes) {
		if (bytes.length <= this.maxBytes && fits(bytes.length, heldBytes)) {
			this.bytes.addLast(bytes);
			this.keptBytes += bytes.length;
		}
		if (lineEnds.length <= this.maxLines && fits(size(lineEnds), heldBytes)) {
			this.lineEnds.addLast(lineEnds);
			this.keptBytes += size(lineEnds);
		}
	}

	/** A kept array of at least {@code length} bytes, or a new one of {@code length}. */
	byte[] bytes(int length) {
		byte[] kept;
		while ((kept = this.bytes.pollFirst()) != null) {
			this.keptBytes -= kept.length;
			if (kept.length >= length) {
				return kept;
			}
		}
		return new byte[length];
	}

	/** A kept array of at least {@code length} line ends, or a new one of {@code length}. */
	int[] lineEnds(int length) {
		int[] kept;
		while ((kept = this.lineEnds.pollFirst()) != null) {
			this.keptBytes -= size(kept);
			if (kept.length >= length) {
				return kept;
			}
		}
		return new int[length];
	}

	private static long size(int[] lineEnds) {
		return Integer.BYTES * (long) lineEnds.length;
	}

	private boolean fits(long length, long heldBytes) {
		return this.keptBytes + length + heldBytes <= this.memory;
	}

}
