package io.influxspring.e2e;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits for rows to become visible on a server that stores them asynchronously (QuestDB applies its
 * write-ahead log after answering, VictoriaMetrics makes new series searchable after a moment).
 */
final class StoredRows {

	private StoredRows() {
	}

	/**
	 * Polls {@code count} until it reaches {@code expected} or {@code timeout} passes, and returns the
	 * last count, so that the caller's assertion shows a shortfall or an excess.
	 */
	static long awaitAtLeast(Callable<Long> count, long expected, Duration timeout) {
		AtomicLong last = new AtomicLong(-1);
		try {
			Awaitility.await()
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(100))
				.ignoreExceptions()
				.until(() -> {
					long now = count.call();
					last.set(now);
					return now >= expected;
				});
		}
		catch (ConditionTimeoutException ex) {
			// the caller's assertion reports the last count
		}
		return last.get();
	}

}
