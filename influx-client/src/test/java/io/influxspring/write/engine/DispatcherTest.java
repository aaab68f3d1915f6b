package io.influxspring.write.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;

import io.influxspring.write.WriteOptions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

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

	@Test
	void aBatchWaitingForABusySlotIsCompressedBeforeTheSlotFrees() throws Exception {
		Sinks.One<ClientResponse> firstAnswer = Sinks.one();
		use((o) -> o.batchSize(50).maxConcurrentRequests(1).gzipThreshold(100),
				(request) -> (request == 0) ? firstAnswer.asMono() : noContent());
		appendLines(100);
		Batch waiting = waitingBatch();
		CompletableFuture<byte[]> body = waiting.gzip;
		assertThat(body).isNotNull();
		assertThat(gunzip(body.get(10, TimeUnit.SECONDS))).isEqualTo(Arrays.copyOf(waiting.bytes, waiting.length));
		assertThat(this.requests).hasValue(1);
		firstAnswer.tryEmitValue(ClientResponse.create(HttpStatus.NO_CONTENT).build());
		awaitWritten(100);
		assertThat(this.requests).hasValue(2);
		assertThat(waiting.gzip).as("the body compressed ahead is the one sent").isSameAs(body);
	}

	@Test
	void aBodyWhoseCompressionFailedIsCompressedAgainWhenSent() {
		Sinks.One<ClientResponse> firstAnswer = Sinks.one();
		use((o) -> o.batchSize(50).maxConcurrentRequests(1).gzipThreshold(100),
				(request) -> (request == 0) ? firstAnswer.asMono() : noContent());
		appendLines(100);
		Batch waiting = waitingBatch();
		CompletableFuture<byte[]> failed = CompletableFuture.failedFuture(new OutOfMemoryError("test"));
		waiting.gzip = failed;
		firstAnswer.tryEmitValue(ClientResponse.create(HttpStatus.NO_CONTENT).build());
		awaitWritten(100);
		assertThat(this.accumulator.statistics().failed()).isZero();
		assertThat(waiting.gzip).isNotSameAs(failed);
	}

	/** Runs a round and returns the one batch waiting for the busy slot. */
	private Batch waitingBatch() {
		this.dispatcher.runOnce();
		List<Batch> waiting = this.accumulator.upNext();
		assertThat(waiting).hasSize(1);
		return waiting.get(0);
	}

	private void appendLines(int count) {
		String[] lines = new String[count];
		for (int i = 0; i < count; i++) {
			lines[i] = "m,host=server-" + (i % 7) + " v=" + i + "i";
		}
		append(lines);
	}

	private void awaitWritten(long lines) {
		await().until(() -> {
			this.dispatcher.runOnce();
			return this.accumulator.statistics().written() == lines;
		});
	}

	private static Mono<ClientResponse> noContent() {
		return Mono.just(ClientResponse.create(HttpStatus.NO_CONTENT).build());
	}

	private static byte[] gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
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
		BatchSender sender = new BatchSender(webClient, "http://localhost:1", null, built.gzipThreshold(),
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
