package io.influxspring.write.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Where sealed batches wait: queued for their first attempt, in flight, or waiting for a retry
 * with a due time. Not thread-safe: guarded by the writer's lock, like the rest of the
 * {@link LineAccumulator}.
 */
final class SealedBatches {

	private final ArrayDeque<Batch> queued = new ArrayDeque<>();

	private final List<Batch> waiting = new ArrayList<>();

	private final List<Batch> inFlight = new ArrayList<>();

	private long waitingLines;

	void queue(Batch batch) {
		this.queued.addLast(batch);
	}

	/** Queues batches to go before everything queued, in the order given (split halves). */
	void queueFirst(Batch first, Batch second) {
		this.queued.addFirst(second);
		this.queued.addFirst(first);
	}

	void waitForRetry(Batch batch, long dueNanos) {
		batch.dueNanos = dueNanos;
		this.waiting.add(batch);
		this.waitingLines += batch.lineCount;
	}

	/** Makes every batch waiting for a retry due now; returns whether there was any. */
	boolean retryAllNow(long now) {
		this.waiting.forEach((batch) -> batch.dueNanos = now);
		return !this.waiting.isEmpty();
	}

	/** The next batch to send, a due retry before the queued ones, moved into flight; or {@code null}. */
	@Nullable Batch takeNext(long now) {
		Batch batch = takeDueRetry(now);
		if (batch == null) {
			batch = this.queued.pollFirst();
		}
		if (batch != null) {
			this.inFlight.add(batch);
		}
		return batch;
	}

	private @Nullable Batch takeDueRetry(long now) {
		Batch due = null;
		for (Batch batch : this.waiting) {
			if (batch.dueNanos - now <= 0 && (due == null || batch.sequence < due.sequence)) {
				due = batch;
			}
		}
		if (due != null) {
			this.waiting.remove(due);
			this.waitingLines -= due.lineCount;
		}
		return due;
	}

	/** Delay until the earliest retry is due, or -1 when none waits. */
	/** Up to {@code count} queued batches with their lines in memory, those to be sent next. */
	List<Batch> nextQueued(int count) {
		List<Batch> next = List.of();
		for (Batch batch : this.queued) {
			if (next.size() == count) {
				break;
			}
			if (!batch.evicted) {
				if (next.isEmpty()) {
					next = new ArrayList<>(count);
				}
				next.add(batch);
			}
		}
		return next;
	}

	long nanosUntilNextRetry(long now) {
		long earliest = -1;
		for (Batch batch : this.waiting) {
			long delay = Math.max(0, batch.dueNanos - now);
			if (earliest < 0 || delay < earliest) {
				earliest = delay;
			}
		}
		return earliest;
	}

	int inFlightCount() {
		return this.inFlight.size();
	}

	boolean isInFlight(Batch batch) {
		return this.inFlight.contains(batch);
	}

	boolean isWaiting(Batch batch) {
		return this.waiting.contains(batch);
	}

	/** Takes a batch out of flight; {@code false} when it was not in flight (cancelled). */
	boolean landed(Batch batch) {
		return this.inFlight.remove(batch);
	}

	/**
	 * Takes out the oldest batch that is not in flight and is in memory, for dropping to free
	 * memory; or {@code null}.
	 */
	@Nullable Batch removeOldestIdle() {
		Batch oldest = null;
		for (Batch candidate : this.queued) {
			if (!candidate.evicted) {
				oldest = candidate;
				break;
			}
		}
		for (Batch candidate : this.waiting) {
			if (!candidate.evicted && (oldest == null || candidate.sequence < oldest.sequence)) {
				oldest = candidate;
			}
		}
		if (oldest != null && !this.queued.remove(oldest)) {
			this.waiting.remove(oldest);
			this.waitingLines -= oldest.lineCount;
		}
		return oldest;
	}

	/** The newest batch not in flight whose lines may leave memory, or {@code null}. */
	@Nullable Batch newestEvictable() {
		Batch newest = null;
		for (Batch batch : this.waiting) {
			if (batch.isEvictable() && (newest == null || batch.sequence > newest.sequence)) {
				newest = batch;
			}
		}
		for (Iterator<Batch> it = this.queued.descendingIterator(); it.hasNext();) {
			Batch batch = it.next();
			if (batch.isEvictable()) {
				return (newest == null || batch.sequence > newest.sequence) ? batch : newest;
			}
		}
		return newest;
	}

	/** Takes out the batches not in flight that {@code filter} selects. */
	List<Batch> removeIdle(Predicate<Batch> filter) {
		List<Batch> removed = new ArrayList<>();
		this.queued.removeIf((batch) -> filter.test(batch) && removed.add(batch));
		this.waiting.removeIf((batch) -> {
			if (filter.test(batch)) {
				removed.add(batch);
				this.waitingLines -= batch.lineCount;
				return true;
			}
			return false;
		});
		return removed;
	}

	void inFlight(Consumer<Batch> action) {
		this.inFlight.forEach(action);
	}

	/** Adds the queued batches that are not spooled yet to {@code into}, oldest first. */
	void unspooled(List<Batch> into) {
		for (Batch batch : this.queued) {
			if (batch.spoolId < 0) {
				into.add(batch);
			}
		}
	}

	/** Takes out every batch, oldest first. */
	List<Batch> removeAll() {
		List<Batch> all = new ArrayList<>(this.inFlight);
		all.addAll(this.waiting);
		all.addAll(this.queued);
		this.inFlight.clear();
		this.waiting.clear();
		this.queued.clear();
		this.waitingLines = 0;
		all.sort((a, b) -> Long.compare(a.sequence, b.sequence));
		return all;
	}

	/** Lines of the batches waiting for a retry. */
	long waitingLines() {
		return this.waitingLines;
	}

	/** Bytes in memory of every batch held, counted batch by batch. */
	long bytes() {
		return bytes(this.queued) + bytes(this.waiting) + bytes(this.inFlight);
	}

	private static long bytes(Iterable<Batch> batches) {
		long bytes = 0;
		for (Batch batch : batches) {
			bytes += batch.evicted ? 0 : batch.length;
		}
		return bytes;
	}

	/** Lines of every batch held, counted batch by batch. */
	long lines() {
		long lines = 0;
		for (Batch batch : this.queued) {
			lines += batch.lineCount;
		}
		for (Batch batch : this.waiting) {
			lines += batch.lineCount;
		}
		for (Batch batch : this.inFlight) {
			lines += batch.lineCount;
		}
		return lines;
	}

}
