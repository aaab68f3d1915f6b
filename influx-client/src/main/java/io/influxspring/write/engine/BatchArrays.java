package io.influxspring.write.engine;

import java.util.ArrayDeque;

/**
 * The arrays of batches written on their first attempt that no listener can see, kept for the open
 * batch to fill again, so that a steady stream of batches allocates none. At most a few pairs are
 * kept, none larger than twice a batch's limits. Guarded by the writer's lock.
 */
final class BatchArrays {

	private final ArrayDeque<byte[]> bytes = new ArrayDeque<>();

	private final ArrayDeque<int[]> lineEnds = new ArrayDeque<>();

	private final int capacity;

	private final long maxBytes;

	private final int maxLines;

	BatchArrays(int capacity, int maxBatchBytes, int batchSize) {
		this.capacity = capacity;
		this.maxBytes = 2L * maxBatchBytes;
		this.maxLines = batchSize;
	}

	/** Keeps the arrays of a batch that nothing reads any more. */
	void give(byte[] bytes, int[] lineEnds) {
		if (this.bytes.size() < this.capacity && bytes.length <= this.maxBytes) {
			this.bytes.addLast(bytes);
		}
		if (this.lineEnds.size() < this.capacity && lineEnds.length <= this.maxLines) {
			this.lineEnds.addLast(lineEnds);
		}
	}

	/** A kept array of at least {@code length} bytes, or a new one of {@code length}. */
	byte[] bytes(int length) {
		byte[] kept;
		while ((kept = this.bytes.pollFirst()) != null) {
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
			if (kept.length >= length) {
				return kept;
			}
		}
		return new int[length];
	}

}
