package io.influxspring.write.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.influxspring.write.InfluxWriteException;
import io.influxspring.write.WriteOptions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fault while the dispatcher decides what a request achieved, once the batch has left the queues:
 * the batch fails, exactly once, its flush future completes and the writer goes on. Driven without
 * the writer's thread or a network.
 */
class DispatcherFaultTest {

	private static final WriteOptions OPTIONS = WriteOptions.builder().batchSize(2).build();

	private final RecordingListener listener = new RecordingListener();

	private final LineAccumulator accumulator = new LineAccumulator(OPTIONS);

	private final Dispatcher dispatcher = newDispatcher();

	private Dispatcher newDispatcher() {
		WriteListeners listeners = new WriteListeners();
		listeners.add(this.listener);
		WebClient webClient = WebClient.builder().exchangeFunction((request) -> Mono.never()).build();
		BatchSender sender = new BatchSender(webClient, "http://localhost:1", null, Integer.MAX_VALUE,
				OPTIONS.requestTimeout());
		return new Dispatcher(this.accumulator, sender, listeners, OPTIONS, "/write", "fault-test", null);
	}

	@Test
	void aThrowableWhileSummarizingTheFailureFailsThatBatch() {
		offer("m v=1i", "m v=2i", "m v=3i");
		CompletableFuture<Void> flushed = this.accumulator.flush(false, System.nanoTime());
		List<Batch> ready = this.accumulator.drain(System.nanoTime());
		assertThat(ready).hasSize(2);
		this.dispatcher.complete(ready.get(0), SendOutcome.failure(503, new InfluxWriteException("unavailable", 503, true, null) {

			@Override
			public String getMessage() {
				throw new NoClassDefFoundError("a class needed to summarize the failure");
			}

		}, null), System.nanoTime());
		this.dispatcher.complete(ready.get(1), SendOutcome.success(204), System.nanoTime());
		this.dispatcher.deliverNotices();
		WriteStatistics stats = this.accumulator.statistics();
		assertThat(stats.failed()).isEqualTo(2);
		assertThat(stats.written()).isEqualTo(1);
		assertThat(stats.buffered()).isZero();
		assertThat(stats.offered()).isEqualTo(stats.written() + stats.failed());
		assertThat(flushed).isCompletedExceptionally();
		assertThat(this.listener.failures).singleElement()
			.satisfies((failure) -> assertThat(failure.reason()).hasRootCauseInstanceOf(NoClassDefFoundError.class));
	}

	private void offer(String... records) {
		EncodedLines lines = WriterFixture.encoded(records);
		assertThat(this.accumulator.append(lines)).isEqualTo(records.length);
	}

}
