package io.influxspring.write.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

import io.influxspring.write.WriteOptions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatcher's rounds, run on the test's thread against an exchange function: what it sends,
 * and the one wake-up it computes.
 */
class DispatcherTest {

	private static final long RETRY_DELAY_NANOS = Duration.ofSeconds(5).toNanos();

	private final AtomicInteger requests = new AtomicInteger();

	private final RecordingListener listener = new RecordingListener();

	private LineAccumulator accumulator;

	private Dispatcher dispatcher;

	@Test
	void anIdleDispatcherSleepsUntilSignalled() {
		use((o) -> o, (request) -> Mono.<ClientResponse>never());
		assertThat(this.dispatcher.runOnce()).isEqualTo(LineAccumulator.NONE);
	}

	@Test
	void anOpenBatchWakesTheDispatcherAtItsFlushDeadline() {
		use((o) -> o.flushInterval(Duration.ofSeconds(10)).jitter(Duration.ofSeconds(1)), (request) -> Mono.<ClientResponse>never());
		append("m v=1i");
		long sleep = this.dispatcher.runOnce();
		assertThat(sleep).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(11).toNanos());
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void aSealedBatchIsSentAndItsOutcomeDecidedOnTheDispatchersRound() {
		use((o) -> o.batchSize(1), (request) -> Mono.just(ClientResponse.create(HttpStatus.NO_CONTENT).build()));
		append("m v=1i");
		CompletableFuture<Void> flushed = this.accumulator.flush(false, System.nanoTime());
		await().until(() -> {
			this.dispatcher.runOnce();
			return flushed.isDone();
		});
		assertThat(flushed).isCompleted();
		assertThat(this.listener.successes).singleElement()
			.satisfies((success) -> assertThat(success.lines().lines()).containsExactly("m v=1i"));
		assertThat(this.accumulator.statistics().written()).isEqualTo(1);
	}

	@Test
	void aRetryWaitingForABusySlotSetsNoWakeUp() {
		use((o) -> o.batchSize(1).maxConcurrentRequests(1), this::unavailableThenNoAnswer);
		append("m v=1i", "m v=2i");
		await().until(() -> {
			this.dispatcher.runOnce();
			WriteStatistics stats = this.accumulator.statistics();
			return stats.retrying() == 1 && stats.inFlightRequests() == 1;
		});
		assertThat(this.dispatcher.runOnce()).as("a response wakes the dispatcher, not the retry")
			.isEqualTo(LineAccumulator.NONE);
	}

	@Test
	void aRetryWithAFreeSlotWakesTheDispatcherWhenDue() {
		use((o) -> o.batchSize(1).maxConcurrentRequests(2), this::unavailableThenNoAnswer);
		append("m v=1i");
		await().until(() -> {
			this.dispatcher.runOnce();
			return this.accumulator.statistics().retrying() == 1;
		});
		assertThat(this.dispatcher.runOnce()).isPositive().isLessThanOrEqualTo(RETRY_DELAY_NANOS);
		assertThat(this.listener.retries).hasSize(1);
	}

	/** The first request is answered 503, the others never. */
	private Mono<ClientResponse> unavailableThenNoAnswer(int request) {
		return (request == 0)
				? Mono.just(ClientResponse.create(HttpStatus.SERVICE_UNAVAILABLE).build()) : Mono.never();
	}

	private void use(UnaryOperator<WriteOptions.Builder> options,
			IntFunction<Mono<ClientResponse>> exchange) {
		WriteOptions built = options.apply(WriteOptions.builder()
			.flushInterval(Duration.ofHours(1))
			.jitter(Duration.ZERO)
			.minRetryDelay(Duration.ofSeconds(5))
			.maxRetryDelay(Duration.ofSeconds(5))
			.retryJitter(Duration.ZERO)).build();
		this.accumulator = new LineAccumulator(built);
		WebClient webClient = WebClient.builder()
			.exchangeFunction((request) -> exchange.apply(this.requests.getAndIncrement()))
			.build();
		BatchSender sender = new BatchSender(webClient, "http://localhost:1", null, Integer.MAX_VALUE,
				built.requestTimeout());
		WriteListeners listeners = new WriteListeners();
		listeners.add(this.listener);
		this.dispatcher = new Dispatcher(this.accumulator, sender, listeners, built, "/write", "dispatcher-test", null);
	}

	private void append(String... records) {
		EncodedLines lines = WriterFixture.encoded(records);
		assertThat(this.accumulator.append(lines)).isEqualTo(records.length);
	}

}
