package io.influxspring.write.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.influxspring.write.InfluxWriteException;
import io.influxspring.write.WriteOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fault while the store records what a request achieved, once the batch has left the queues:
 * the batch fails, exactly once, its flush future completes and the store goes on.
 */
class LineStoreFaultTest {

	private final RecordingListener listener = new RecordingListener();

	private final LineStore store = newStore();

	private LineStore newStore() {
		WriteListeners listeners = new WriteListeners();
		listeners.add(this.listener);
		return new LineStore(WriteOptions.builder().batchSize(2).build(), listeners, () -> {
		});
	}

	@Test
	void aThrowableWhileSummarizingTheFailureFailsThatBatch() {
		offer("m v=1i", "m v=2i", "m v=3i");
		CompletableFuture<Void> flushed = this.store.flush(false, System.nanoTime(), new Effects());
		List<Batch> ready = this.store.takeReady(System.nanoTime(), new Effects());
		assertThat(ready).hasSize(2);
		Effects effects = new Effects();
		this.store.complete(ready.get(0), SendOutcome.failure(503, new InfluxWriteException("unavailable", 503, true, null) {

			@Override
			public String getMessage() {
				throw new NoClassDefFoundError("a class needed to summarize the failure");
			}

		}, null), System.nanoTime(), effects);
		this.store.complete(ready.get(1), SendOutcome.success(204), System.nanoTime(), effects);
		effects.takeCallbacks().run();
		WriteStatistics stats = this.store.statistics();
		assertThat(stats.failed()).isEqualTo(2);
		assertThat(stats.written()).isEqualTo(1);
		assertThat(stats.buffered()).isZero();
		assertThat(stats.offered()).isEqualTo(stats.written() + stats.failed());
		assertThat(flushed).isCompletedExceptionally();
		assertThat(this.listener.failures).singleElement()
			.satisfies((failure) -> assertThat(failure.reason()).hasRootCauseInstanceOf(NoClassDefFoundError.class));
	}

	private void offer(String... records) {
		this.store.offer(lines(records), new Effects());
	}

	private static EncodedLines lines(String... records) {
		EncodedLines lines = new EncodedLines();
		for (String record : records) {
			lines.buffer.appendUtf8(record);
			lines.endLine();
		}
		return lines;
	}

}
