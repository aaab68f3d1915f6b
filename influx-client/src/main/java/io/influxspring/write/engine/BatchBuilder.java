package io.influxspring.write.engine;

import java.util.Arrays;

import io.influxspring.write.LineBatch;

/** The open batch that callers append encoded lines to; guarded by the writer's lock. */
final class BatchBuilder {

	private final int batchSize;

	private final int maxBatchBytes;

	private byte[] bytes;

	private int size;

	private int[] lineEnds;

	private int lines;

	/** Increases each time the batch is sealed or cleared, so a stale flush timer can tell. */
	private long generation;

	private final BatchArrays arrays;

	BatchBuilder(int batchSize, int maxBatchBytes, BatchArrays arrays) {
		this.batchSize = batchSize;
		this.maxBatchBytes = maxBatchBytes;
		this.arrays = arrays;
		this.bytes = new byte[Math.min(maxBatchBytes, 64 * 1024)];
		this.lineEnds = new int[Math.min(batchSize, 1024)];
	}

	int lines() {
		return this.lines;
	}

	int bytes() {
		return this.size;
	}

	boolean isEmpty() {
		return this.lines == 0;
	}

	long generation() {
		return this.generation;
	}

	/** Whether a line of {@code lineBytes} bytes (line feed included) can join this batch. */
	boolean fits(int lineBytes) {
		return this.lines == 0 || (this.lines < this.batchSize && this.size + lineBytes <= this.maxBatchBytes);
	}

	boolean isFull() {
		return this.lines >= this.batchSize || this.size >= this.maxBatchBytes;
	}

	void append(byte[] source, int offset, int length) {
		if (this.size + length > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.size + length, this.bytes.length * 2));
		}
		System.arraycopy(source, offset, this.bytes, this.size, length);
		this.size += length;
		if (this.lines == this.lineEnds.length) {
			this.lineEnds = Arrays.copyOf(this.lineEnds, Math.min(this.batchSize, this.lines * 2));
		}
		this.lineEnds[this.lines++] = this.size;
	}

	/** Hands the lines over as a sealed batch and starts an empty one. */
	Batch seal(long sequence) {
		Batch batch = new Batch(sequence, this.bytes, this.size, this.lineEnds, this.lines);
		restart();
		return batch;
	}

	/** Takes the lines out (to report them dropped) and starts an empty batch. */
	LineBatch clear() {
		LineBatch dropped = new LineBatch(this.bytes, this.lineEnds, this.lines);
		restart();
		return dropped;
	}

	private void restart() {
		int expectedBytes = Math.min(this.maxBatchBytes, Math.max(1024, this.size + this.size / 8));
		int expectedLines = Math.min(this.batchSize, Math.max(16, this.lines + this.lines / 8));
		this.bytes = this.arrays.bytes(expectedBytes);
		this.lineEnds = this.arrays.lineEnds(expectedLines);
		this.size = 0;
		this.lines = 0;
		this.generation++;
	}

}
