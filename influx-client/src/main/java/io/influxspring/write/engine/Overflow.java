package io.influxspring.write.engine;

import java.util.concurrent.locks.Condition;

import io.influxspring.write.OverflowPolicy;
import io.influxspring.write.WriteDrop;
import io.influxspring.write.WriteOptions;

/**
 * The overflow policies of a {@link LineAccumulator}, as Kafka's {@code BufferPool} bounds a
 * producer's memory: whether a line fits ({@code buffer-limit} lines, {@code buffer-memory} bytes,
 * in memory), which policy applies to a write, waiting for room, and how the drop policies make it.
 * With a spool, room is made first by evicting idle spooled batches, whose lines stay on disk, and
 * {@code backpressure} waits for the spool while the server fails. Called under the accumulator's
 * lock.
 */
final class Overflow {

	private final LineAccumulator accumulator;

	private final BatchLedger ledger;

	private final BatchBuilder open;

	private final WriteOptions options;

	/** Signalled under the lock whenever room may have been made or waiting must end. */
	private final Condition space;

	/** Whether sealed batches go to a spool that takes them, from which they can be evicted. */
	private boolean spooled;

	Overflow(LineAccumulator accumulator, BatchLedger ledger, BatchBuilder open, WriteOptions options,
			Condition space) {
		this.accumulator = accumulator;
		this.ledger = ledger;
		this.open = open;
		this.options = options;
		this.space = space;
	}

	/** Tells whether a spool takes sealed batches: {@code false} again while its appends fail. */
	void spooled(boolean spooled) {
		this.spooled = spooled;
	}

	/**
	 * Whether line {@code index} fits in the buffer, once idle spooled batches, newest first, have
	 * been evicted as far as needed and possible.
	 */
	boolean roomFor(EncodedLines lines, int index) {
		while (!hasRoom(lines, index)) {
			if (!this.ledger.evictNewest()) {
				return false;
			}
		}
		return true;
	}

	/** Evicts idle spooled batches, newest first, until memory is within both limits or none is left. */
	void evictToLimits() {
		while ((this.ledger.bufferedInMemory() > this.options.bufferLimit()
				|| this.ledger.heldBytes() > this.options.bufferMemory()) && this.ledger.evictNewest()) {
			// keep evicting
		}
	}

	/**
	 * Whether line {@code index} fits in the buffer: fewer than {@code buffer-limit} lines held
	 * besides it and the lines after it, and its bytes within {@code buffer-memory}.
	 */
	boolean hasRoom(EncodedLines lines, int index) {
		return this.ledger.bufferedInMemory() - (lines.count - index) < this.options.bufferLimit()
				&& this.ledger.heldBytes() + lines.lineEnds[index] - lines.lineStart(index) <= this.options.bufferMemory();
	}

	/**
	 * Waits, at most the block timeout, until line {@code index} fits; returns the index of the next
	 * line to append. When it does not fit, {@code block} drops it and the lines after it, while
	 * {@code backpressure} (whose wait also ends when the server starts failing, unless there is a
	 * spool) drops as {@code drop-oldest} does.
	 * @throws IllegalStateException when the writer was closed meanwhile
	 */
	int awaitRoom(EncodedLines lines, int index) {
		int incoming = lines.count - index;
		boolean backpressure = this.options.overflow() == OverflowPolicy.BACKPRESSURE;
		long nanos = this.options.blockTimeout().toNanos();
		try {
			while (!roomFor(lines, index) && this.accumulator.state() == LineAccumulator.State.OPEN && nanos > 0
					&& !(backpressure && !this.spooled && this.accumulator.isFailing())) {
				nanos = this.space.awaitNanos(nanos);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.ledger.awaitingRoom -= incoming;
		}
		if (this.accumulator.state() != LineAccumulator.State.OPEN) {
			this.ledger.counts.offered(-incoming);
			this.accumulator.requireOpen();
		}
		if (hasRoom(lines, index)) {
			return index;
		}
		if (!backpressure) {
			dropLines(lines, index, lines.count);
			return lines.count;
		}
		return makeRoom(lines, index, OverflowPolicy.DROP_OLDEST);
	}

	/**
	 * The policy that applies to this write: a thread that must not block (a non-blocking thread, or
	 * a writer's own thread, where listeners run) never waits (under {@code backpressure} it drops
	 * the oldest lines, under {@code block} the newest), and neither does a write under
	 * {@code backpressure} while the server is failing, unless a spool takes the lines.
	 */
	OverflowPolicy policyNow(EncodedLines lines) {
		OverflowPolicy policy = this.options.overflow();
		if (policy != OverflowPolicy.BACKPRESSURE && policy != OverflowPolicy.BLOCK) {
			return policy;
		}
		boolean mustNotWait = lines.mustNotWait;
		if (policy == OverflowPolicy.BACKPRESSURE
				&& (mustNotWait || (!this.spooled && this.accumulator.isFailing()))) {
			return OverflowPolicy.DROP_OLDEST;
		}
		return mustNotWait ? OverflowPolicy.DROP_NEWEST : policy;
	}

	/**
	 * Applies a drop policy to lines {@code from} to the last; returns the index of the first one to
	 * keep. Idle spooled batches are evicted first; then {@code drop-oldest} drops batches held in
	 * memory, then the oldest of these lines, {@code drop-newest} the newest of these lines, until the
	 * rest fit.
	 */
	int makeRoom(EncodedLines lines, int from, OverflowPolicy policy) {
		while (!allFit(lines, from) && this.ledger.evictNewest()) {
			// keep evicting
		}
		if (allFit(lines, from)) {
			return from;
		}
		int count = lines.count;
		if (policy == OverflowPolicy.DROP_NEWEST) {
			int keepTo = Math.max(from, count - excessLines(count - from));
			long freeBytes = this.options.bufferMemory() - this.ledger.heldBytes();
			while (keepTo > from && lines.bytes(from, keepTo) > freeBytes) {
				keepTo--;
			}
			dropLines(lines, keepTo, count);
			lines.count = keepTo;
			return from;
		}
		while (!allFit(lines, from) && dropOldest()) {
			// keep dropping
		}
		long freeBytes = this.options.bufferMemory() - this.ledger.heldBytes();
		int keepFrom = from + excessLines(count - from);
		while (keepFrom < count && lines.bytes(keepFrom, count) > freeBytes) {
			keepFrom++;
		}
		if (keepFrom > from) {
			dropLines(lines, from, keepFrom);
		}
		return keepFrom;
	}

	/** Drops the oldest batch in memory not in flight, else the open batch; {@code false} when there is none. */
	private boolean dropOldest() {
		Batch oldest = this.ledger.batches.removeOldestIdle();
		if (oldest != null) {
			this.ledger.drop(oldest, WriteDrop.Reason.OVERFLOW);
			return true;
		}
		if (!this.open.isEmpty()) {
			this.ledger.drop(this.open, WriteDrop.Reason.OVERFLOW);
			return true;
		}
		return false;
	}

	/** Lines held beyond {@code buffer-limit}, at most {@code max}. */
	private int excessLines(int max) {
		return (int) Math.min(max, Math.max(0, this.ledger.bufferedInMemory() - this.options.bufferLimit()));
	}

	/** Whether lines {@code from} to the last fit in the buffer as well as every line held. */
	private boolean allFit(EncodedLines lines, int from) {
		return this.ledger.bufferedInMemory() <= this.options.bufferLimit()
				&& this.ledger.heldBytes() + lines.bytes(from, lines.count) <= this.options.bufferMemory();
	}

	/** Drops lines {@code from} (inclusive) to {@code to} (exclusive) of lines offered. */
	private void dropLines(EncodedLines lines, int from, int to) {
		this.ledger.drop(lines.copy(from, to), WriteDrop.Reason.OVERFLOW);
		lines.signal = true;
	}

}
