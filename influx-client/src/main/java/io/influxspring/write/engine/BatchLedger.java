package io.influxspring.write.engine;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.influxspring.write.InfluxWriteException;
import io.influxspring.write.LineBatch;
import io.influxspring.write.WriteDrop;
import io.influxspring.write.spool.SpoolEntry;
import io.influxspring.write.spool.SpooledBatch;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * The accounts of a {@link LineAccumulator}: sealed batches, the running totals of lines, the bytes
 * held, flush waiters and the notices for the dispatcher. Not thread-safe: guarded by the
 * accumulator's lock.
 */
final class BatchLedger {

	final SealedBatches batches = new SealedBatches();

	final LineCounts counts = new LineCounts();

	private final FlushWaiters flushes = new FlushWaiters();

	private final Notices notices = new Notices();

	private long lastSequence;

	private int unresolvedBatches;

	/** Bytes of the lines held in memory: open batch, queued, in flight and waiting for a retry. */
	private long heldBytes;

	/** Lines of the batches evicted to the spool. */
	private long evictedLines;

	/** Lines offered by callers that wait for room, not yet in a batch. */
	long awaitingRoom;

	long heldBytes() {
		return this.heldBytes;
	}

	void held(int bytes) {
		this.heldBytes += bytes;
	}

	/** Lines neither written, failed nor dropped, as the running totals have it. */
	long buffered() {
		return this.counts.unresolved();
	}

	/** Lines neither written, failed nor dropped that are in memory, not on disk only. */
	long bufferedInMemory() {
		return this.counts.unresolved() - this.evictedLines;
	}

	/**
	 * Queues a batch found in the spool at startup, before any others, counted offered and replayed;
	 * its lines stay on disk until it is sent.
	 */
	void replay(SpoolEntry entry) {
		Batch batch = Batch.evicted(++this.lastSequence, entry.id(), entry.byteCount(), entry.lineCount());
		this.batches.queue(batch);
		this.unresolvedBatches++;
		this.evictedLines += batch.lineCount;
		this.counts.offered(batch.lineCount);
		this.counts.replayed(batch.lineCount);
	}

	/** Lets the lines of the newest idle batch that a spool record holds leave memory; {@code false} when none. */
	boolean evictNewest() {
		Batch batch = this.batches.newestEvictable();
		if (batch == null) {
			return false;
		}
		batch.evict();
		this.heldBytes -= batch.length;
		this.evictedLines += batch.lineCount;
		return true;
	}

	/** Takes the lines of an evicted batch back into memory, read from its spool record. */
	void loaded(Batch batch, SpooledBatch spooled) {
		if (batch.evicted && !batch.resolved) {
			batch.load(spooled.bytes(), spooled.lineEnds());
			this.heldBytes += batch.length;
			this.evictedLines -= batch.lineCount;
		}
	}

	/**
	 * Drops the idle batches whose spool records the spool dropped to make room, reported with the
	 * lines read back, and marks those in flight unspooled (a retry spools them again), taking the
	 * lines of one not loaded yet from the record.
	 */
	void dropSpooled(Map<Long, SpooledBatch> dropped) {
		this.batches.inFlight((batch) -> {
			SpooledBatch spooled = dropped.get(batch.spoolId);
			if (spooled != null) {
				loaded(batch, spooled);
				batch.spoolId = -1;
				batch.spoolShares = null;
			}
		});
		for (Batch batch : this.batches.removeIdle((candidate) -> dropped.containsKey(candidate.spoolId))) {
			SpooledBatch spooled = dropped.get(batch.spoolId);
			batch.spoolId = -1;
			drop(batch, WriteDrop.Reason.OVERFLOW, batch.evicted ? spooled.lineBatch() : batch.view());
		}
	}

	/** Queues the open batch, sealed. */
	void seal(BatchBuilder open) {
		this.batches.queue(open.seal(++this.lastSequence));
		this.unresolvedBatches++;
	}

	/** A future for every batch unresolved now. */
	CompletableFuture<Void> flushFuture() {
		return this.flushes.register(this.unresolvedBatches, this.lastSequence);
	}

	/**
	 * Settles a batch in flight: {@code written} lines written and the others failed, {@code expired}
	 * when out of retries. What may throw comes before any change.
	 * @param request whether to count the request's outcome ({@code error} is the request's)
	 */
	void settle(Batch batch, int written, boolean expired, @Nullable InfluxWriteException error, boolean request) {
		if (request && error != null) {
			this.counts.requestFailed(error);
		}
		else if (request) {
			this.counts.succeeded();
		}
		this.batches.landed(batch);
		this.counts.written(written);
		this.counts.failed(batch.lineCount - written, expired);
		resolve(batch, error);
	}

	/** Queues the two halves of a landed batch before everything else. */
	void split(Batch batch, InfluxWriteException error) {
		this.counts.requestFailed(error);
		Batch[] halves = batch.split();
		this.batches.landed(batch);
		this.flushes.split(batch.sequence);
		this.batches.queueFirst(halves[0], halves[1]);
		this.unresolvedBatches++;
		batch.resolved = true;
	}

	void retryAt(Batch batch, InfluxWriteException error, long dueNanos) {
		this.counts.requestFailed(error);
		this.counts.retried();
		this.batches.landed(batch);
		this.batches.waitForRetry(batch, dueNanos);
	}

	private void resolve(Batch batch, @Nullable InfluxWriteException error) {
		batch.resolved = true;
		if (batch.evicted) {
			this.evictedLines -= batch.lineCount;
		}
		else {
			this.heldBytes -= batch.length;
		}
		this.unresolvedBatches--;
		this.flushes.resolved(batch.sequence, error, this.notices.completions());
	}

	/**
	 * Drops a batch, cancelling its request. The lines of an evicted batch are reported once read
	 * from the spool by the dispatcher.
	 */
	void drop(Batch batch, WriteDrop.Reason reason) {
		drop(batch, reason, batch.evicted ? null : batch.view());
	}

	private void drop(Batch batch, WriteDrop.Reason reason, @Nullable LineBatch lines) {
		Disposable request = batch.request;
		if (request != null) {
			cancel(request);
		}
		this.counts.dropped(batch.lineCount, reason);
		resolve(batch, new InfluxWriteException(
				batch.lineCount + " lines were dropped (" + reason.name().toLowerCase() + ")", 0, false, null));
		if (lines != null) {
			this.notices.dropped(lines, reason);
		}
		else {
			this.notices.droppedOnDisk(batch, reason);
		}
		if (batch.spoolId >= 0 && reason != WriteDrop.Reason.CLOSED) {
			this.notices.released(batch);
		}
	}

	/** Cancels a request; one that cannot be cancelled (its event loop already ended) is left to end. */
	private static void cancel(Disposable request) {
		try {
			request.dispose();
		}
		catch (Throwable ex) {
			// the batch is dropped all the same
		}
	}

	/** Drops the lines of the open batch, which starts empty again. */
	void drop(BatchBuilder open, WriteDrop.Reason reason) {
		this.heldBytes -= open.bytes();
		drop(open.clear(), reason);
	}

	/** Drops lines that are in no batch. */
	void drop(LineBatch lines, WriteDrop.Reason reason) {
		this.counts.dropped(lines.size(), reason);
		this.notices.dropped(lines, reason);
	}

	/** Drops every batch; returns how many lines were dropped since {@code droppedBefore}. */
	int dropAll(WriteDrop.Reason reason, long droppedBefore) {
		this.batches.removeAll().forEach((batch) -> drop(batch, reason));
		return (int) (this.counts.droppedTotal() - droppedBefore);
	}

	void takeNotices(Notices into) {
		this.notices.moveTo(into);
	}

	WriteStatistics statistics(BatchBuilder open) {
		return this.counts.snapshot(open.lines() + this.batches.lines() + this.awaitingRoom,
				open.bytes() + this.batches.bytes(), this.batches.waitingLines(), this.batches.inFlightCount());
	}

}
