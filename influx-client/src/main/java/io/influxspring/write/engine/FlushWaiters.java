package io.influxspring.write.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.influxspring.write.InfluxWriteException;
import org.jspecify.annotations.Nullable;

/**
 * Pending {@code flush()} futures. Each waits for the batches that were unresolved when it was
 * created (those with a sequence up to its own); guarded by the accumulator's lock. Completions are
 * handed over as {@code Runnable}s that the {@link Dispatcher} runs after the lock is released (see
 * {@link Notices}), so that future callbacks never run under it.
 */
final class FlushWaiters {

	private final List<Waiter> waiters = new ArrayList<>();

	/** A future for the {@code unresolved} batches sealed up to {@code lastSequence}. */
	CompletableFuture<Void> register(int unresolved, long lastSequence) {
		if (unresolved == 0) {
			return CompletableFuture.completedFuture(null);
		}
		Waiter waiter = new Waiter(unresolved, lastSequence);
		this.waiters.add(waiter);
		return waiter.future;
	}

	/** A batch was split in two: one more batch of that sequence to wait for. */
	void split(long sequence) {
		for (Waiter waiter : this.waiters) {
			if (sequence <= waiter.lastSequence) {
				waiter.remaining++;
			}
		}
	}

	/** A batch is done; adds the waiters now complete to {@code done}. */
	void resolved(long sequence, @Nullable InfluxWriteException error, List<Runnable> done) {
		Iterator<Waiter> iterator = this.waiters.iterator();
		while (iterator.hasNext()) {
			Waiter waiter = iterator.next();
			if (sequence <= waiter.lastSequence) {
				if (error != null && waiter.error == null) {
					waiter.error = error;
				}
				if (--waiter.remaining == 0) {
					iterator.remove();
					done.add(waiter::complete);
				}
			}
		}
	}

	private static final class Waiter {

		final CompletableFuture<Void> future = new CompletableFuture<>();

		final long lastSequence;

		int remaining;

		@Nullable InfluxWriteException error;

		Waiter(int remaining, long lastSequence) {
			this.remaining = remaining;
			this.lastSequence = lastSequence;
		}

		void complete() {
			if (this.error != null) {
				this.future.completeExceptionally(this.error);
			}
			else {
				this.future.complete(null);
			}
		}

	}

}
