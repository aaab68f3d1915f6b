package io.influxspring.e2e;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Writes a steady stream from its own thread: {@code count} items at about {@code perSecond}, like an
 * application producing measurements while the test does something else to the server. Pacing (not
 * synchronization) is why it parks between items; the test waits on conditions, never on time.
 */
final class PacedProducer {

	private final CompletableFuture<Void> done = new CompletableFuture<>();

	private final Thread thread;

	private PacedProducer(int count, int perSecond, IntConsumer write) {
		this.thread = new Thread(() -> {
			try {
				long start = System.nanoTime();
				double nanosPerItem = 1e9 / perSecond;
				for (int i = 0; i < count; i++) {
					long due = start + (long) (i * nanosPerItem);
					long ahead = due - System.nanoTime();
					if (ahead > 1_000_000) {
						LockSupport.parkNanos(ahead);
					}
					write.accept(i);
				}
				this.done.complete(null);
			}
			catch (Throwable ex) {
				this.done.completeExceptionally(ex);
			}
		}, "e2e-paced-producer");
		this.thread.setDaemon(true);
	}

	/** Starts writing items {@code 0 .. count-1} at about {@code perSecond}. */
	static PacedProducer start(int count, int perSecond, IntConsumer write) {
		PacedProducer producer = new PacedProducer(count, perSecond, write);
		producer.thread.start();
		return producer;
	}

	/** Completes when every item was written, exceptionally when a write threw. */
	CompletableFuture<Void> done() {
		return this.done;
	}

}
