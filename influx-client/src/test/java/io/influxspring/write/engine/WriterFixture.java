package io.influxspring.write.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.write.WriteOptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Builds writers against a stub server and disposes of them after each test (an instance field extension). */
final class WriterFixture implements AfterEachCallback, AutoCloseable {

	static final String PATH = "/api/v2/write?org=o&bucket=b&precision=ns";

	/** The writers' clock: points without a time get {@value #T0}, then one nanosecond more each. */
	static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

	static final long T0 = 1_704_067_200_000_000_000L;

	private final StubInfluxServer server;

	final RecordingListener listener = new RecordingListener();

	private static final AtomicInteger THREADS = new AtomicInteger();

	private static final Map<BatchingWriteApi, String> THREAD_NAMES = new ConcurrentHashMap<>();

	private final List<BatchingWriteApi> writers = new ArrayList<>();

	WriterFixture(StubInfluxServer server) {
		this.server = server;
	}

	/** Lines {@code m v=0i} to {@code m v=<count-1>i}. */
	static List<String> records(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "m v=" + i + "i").toList();
	}

	/** A client whose requests never leave and never end, until cancelled. */
	static WebClient neverSending() {
		return WebClient.builder().filter((request, next) -> Mono.never()).build();
	}

	/** Lines of line protocol as a write call hands them to the accumulator. */
	static EncodedLines encoded(String... records) {
		EncodedLines lines = new EncodedLines();
		for (String record : records) {
			lines.buffer.appendUtf8(record);
			lines.endLine();
		}
		return lines;
	}

	/** Test defaults: no flush timer to speak of, fast retries. */
	static WriteOptions.Builder options() {
		return WriteOptions.builder()
			.flushInterval(Duration.ofHours(1))
			.minRetryDelay(Duration.ofMillis(10))
			.maxRetryDelay(Duration.ofMillis(100))
			.retryJitter(Duration.ZERO)
			.closeTimeout(Duration.ofSeconds(10));
	}

	BatchingWriteApi writer(UnaryOperator<WriteOptions.Builder> options) {
		return writer(WebClient.create(), options);
	}

	BatchingWriteApi writer(WebClient webClient, UnaryOperator<WriteOptions.Builder> options) {
		return writer(webClient, options, (builder) -> {
		});
	}

	BatchingWriteApi writer(WebClient webClient, UnaryOperator<WriteOptions.Builder> options,
			Consumer<BatchingWriteApiBuilder> customizer) {
		String threadName = "fixture-writer-" + THREADS.incrementAndGet();
		BatchingWriteApiBuilder builder = BatchingWriteApi.builder(webClient, this.server.url())
			.threadName(threadName)
			.options(options.apply(options()).build())
			.path(PATH)
			.authorization("Token s3cr3t")
			.clock(CLOCK)
			.listener(this.listener);
		customizer.accept(builder);
		BatchingWriteApi writer = builder.build();
		this.writers.add(writer);
		THREAD_NAMES.put(writer, threadName + "-");
		return writer;
	}

	/** The thread of a writer built here, waiting until the writer has started it. */
	static Thread writerThread(BatchingWriteApi writer) {
		String prefix = THREAD_NAMES.get(writer);
		return await().until(() -> Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith(prefix))
			.findFirst(), Optional::isPresent).orElseThrow();
	}

	/** Asserts that every line offered is accounted for exactly once. */
	static void assertAccounted(BatchingWriteApi writer) {
		WriteStatistics stats = writer.getStatistics();
		assertThat(stats.written() + stats.failed() + stats.dropped() + stats.buffered()).as(stats.toString())
			.isEqualTo(stats.offered());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		this.writers.forEach(BatchingWriteApi::dispose);
		this.writers.forEach(THREAD_NAMES::remove);
	}

}
