package io.influxspring.write.engine;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.influxspring.write.InfluxWriteException;
import io.influxspring.write.LineBatch;
import io.influxspring.write.WriteDrop;
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

	/** Bytes of the lines held: open batch, queued, in flight and waiting for a retry. */
	private long heldBytes;

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

	/** Queues lines found in the spool at startup, before any others, counted offered and replayed. */
	void replay(SpooledBatch spooled) {
		Batch batch = new Batch(++this.lastSequence, spooled.bytes(), spooled.byteCount(), spooled.lineEnds(),
				spooled.lineCount());
		batch.spoolId = spooled.id();
		this.batches.queue(batch);
		this.unresolvedBatches++;
		this.heldBytes += batch.length;
		this.counts.offered(batch.lineCount);
		this.counts.replayed(batch.lineCount);
	}

	/**
	 * Drops the idle batches whose spool records the spool dropped to make room, and marks those in
	 * flight unspooled (a retry spools them again); returns how many lines were dropped.
	 */
	long dropSpooled(Set<Long> spoolIds) {
		this.batches.inFlight((batch) -> {
			if (spoolIds.contains(batch.spoolId)) {
				batch.spoolId = -1;
				batch.spoolShares = null;
			}
		});
		long lines = 0;
		for (Batch batch : this.batches.removeIdle((candidate) -> spoolIds.contains(candidate.spoolId))) {
			batch.spoolId = -1;
			drop(batch, WriteDrop.Reason.OVERFLOW);
			lines += batch.lineCount;
		}
		return lines;
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
		this.heldBytes -= batch.length;
		this.unresolvedBatches--;
		this.flushes.resolved(batch.sequence, error, this.notices.completions());
	}

	/** Drops a batch, cancelling its request. */
	void drop(Batch batch, WriteDrop.Reason reason) {
		Disposable request = batch.request;
		if (request != null) {
			cancel(request);
		}
		this.counts.dropped(batch.lineCount, reason);
		resolve(batch, new InfluxWriteException(
				batch.lineCount + " lines were dropped (" + reason.name().toLowerCase() + ")", 0, false, null));
		this.notices.dropped(batch.view(), reason);
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
