package io.influxspring.write.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.testsupport.StubResponse;
import io.influxspring.write.OverflowPolicy;
import io.influxspring.write.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * {@code buffer-memory}: the bytes held are bounded beside the lines, under the same overflow policy,
 * so a few large lines cannot take the heap while the line count is far below {@code buffer-limit}.
 */
class BufferMemoryTest {

	/** Each line is 100 bytes with its line feed. */
	private static final int LINE_BYTES = 100;

	/**
	 * A server for each test: a writer disposed at the end of a test may still have megabytes of a
	 * body on the wire, which must not reach the next test's server.
	 */
	@RegisterExtension
	final StubInfluxServer server = new StubInfluxServer();

	@RegisterExtension
	final WriterFixture fixture = new WriterFixture(this.server);

	@Test
	void defaultsTo64MegabytesAndMustHoldTheLargestBatch() {
		assertThat(WriteOptions.DEFAULTS.bufferMemory()).isEqualTo(64L * 1024 * 1024);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WriteOptions.builder().maxBatchBytes(2000).bufferMemory(1999).build())
			.withMessage("bufferMemory (1999) must be at least maxBatchBytes (2000)");
	}

	@Test
	void withDefaultSettingsLargeLinesHoldAtMost64MegabytesWhileTheServerFails() {
		this.server.setDefaultResponse(StubResponse.status(503));
		BatchingWriteApi writer = this.fixture.writer((o) -> WriteOptions.DEFAULTS.toBuilder());
		String value = "x".repeat(1024 * 1024);
		long heldAfterAnyWrite = 0;
		for (int i = 0; i < 100; i++) {
			writer.writeRecord("m,n=" + i + " s=\"" + value + "\"");
			heldAfterAnyWrite = Math.max(heldAfterAnyWrite, writer.getStatistics().bufferedBytes());
		}
		WriteStatistics stats = writer.getStatistics();
		assertThat(heldAfterAnyWrite).isLessThanOrEqualTo(64L * 1024 * 1024);
		assertThat(stats.buffered()).isLessThan(64);
		assertThat(stats.droppedOverflow()).isGreaterThan(36);
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void aCallerWaitsForRoomWhileTheServerAnswersSoNothingIsDropped() throws Exception {
		this.server.setDefaultResponse(StubResponse.noContent().delay(Duration.ofMillis(20)));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.maxBatchBytes(1000)
			.bufferMemory(1000)
			.maxConcurrentRequests(1));
		List<String> lines = lines(0, 60);
		long heldAfterAnyWrite = 0;
		for (String line : lines) {
			writer.writeRecord(line);
			heldAfterAnyWrite = Math.max(heldAfterAnyWrite, writer.getStatistics().bufferedBytes());
		}
		writer.flush().get(10, TimeUnit.SECONDS);
		assertThat(this.server.receivedLines()).containsExactlyElementsOf(lines);
		assertThat(heldAfterAnyWrite).isPositive().isLessThanOrEqualTo(1000);
		assertThat(writer.getStatistics().dropped()).isZero();
		assertThat(writer.getStatistics().bufferedBytes()).isZero();
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void dropOldestKeepsTheNewestLinesThatFit() {
		this.server.setDefaultResponse(StubResponse.status(503));
		BatchingWriteApi writer = this.fixture.writer((o) -> stalled(o).overflow(OverflowPolicy.DROP_OLDEST));
		writer.writeRecords(lines(0, 5));
		await().until(() -> writer.getStatistics().retrying() == 5);
		writer.writeRecords(lines(5, 40));
		WriteStatistics stats = writer.getStatistics();
		assertThat(stats.bufferedBytes()).isEqualTo(10 * LINE_BYTES);
		assertThat(stats.buffered()).isEqualTo(10);
		assertThat(stats.droppedOverflow()).isEqualTo(30);
		await().until(() -> this.fixture.listener.droppedLines() == 30);
		assertThat(this.fixture.listener.drops).flatExtracting((drop) -> drop.lines().lines())
			.containsAll(lines(0, 5))
			.doesNotContainAnyElementsOf(lines(30, 40));
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void dropNewestKeepsTheOldestLinesThatFit() {
		this.server.setDefaultResponse(StubResponse.status(503));
		BatchingWriteApi writer = this.fixture.writer((o) -> stalled(o).overflow(OverflowPolicy.DROP_NEWEST));
		writer.writeRecords(lines(0, 5));
		await().until(() -> writer.getStatistics().retrying() == 5);
		writer.writeRecords(lines(5, 40));
		WriteStatistics stats = writer.getStatistics();
		assertThat(stats.bufferedBytes()).isEqualTo(10 * LINE_BYTES);
		assertThat(stats.droppedOverflow()).isEqualTo(30);
		await().until(() -> this.fixture.listener.droppedLines() == 30);
		assertThat(this.fixture.listener.drops).flatExtracting((drop) -> drop.lines().lines())
			.containsExactlyElementsOf(lines(10, 40));
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void backpressureDropsTheOldestWithoutWaitingWhileTheServerFails() {
		this.server.setDefaultResponse(StubResponse.status(503));
		BatchingWriteApi writer = this.fixture.writer((o) -> stalled(o).blockTimeout(Duration.ofHours(1)));
		writer.writeRecords(lines(0, 5));
		await().until(() -> writer.getStatistics().retrying() == 5);
		writer.writeRecords(lines(5, 40));
		WriteStatistics stats = writer.getStatistics();
		assertThat(stats.bufferedBytes()).isEqualTo(10 * LINE_BYTES);
		assertThat(stats.droppedOverflow()).isEqualTo(30);
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void blockDropsWhatStillDoesNotFitAfterTheBlockTimeout() throws Exception {
		this.server.setDefaultResponse(StubResponse.noContent().delay(Duration.ofSeconds(3)));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.maxBatchBytes(500)
			.bufferMemory(500)
			.maxConcurrentRequests(1)
			.overflow(OverflowPolicy.BLOCK)
			.blockTimeout(Duration.ofMillis(50)));
		writer.writeRecords(lines(0, 5));
		writer.flush();
		await().until(() -> writer.getStatistics().inFlightRequests() == 1);
		writer.writeRecords(lines(5, 20));
		WriteStatistics stats = writer.getStatistics();
		assertThat(stats.droppedOverflow()).isEqualTo(15);
		assertThat(stats.bufferedBytes()).isEqualTo(500);
		writer.flush().get(10, TimeUnit.SECONDS);
		assertThat(this.server.receivedLines()).containsExactlyElementsOf(lines(0, 5));
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void aLongLineCountsByItsBytesNotAsOneLine() {
		this.server.setDefaultResponse(StubResponse.status(503));
		BatchingWriteApi writer = this.fixture.writer((o) -> stalled(o).overflow(OverflowPolicy.DROP_OLDEST)
			.maxBatchBytes(4000)
			.bufferMemory(4000));
		String large = "m s=\"" + "x".repeat(3000) + "\"";
		writer.writeRecord(large);
		writer.writeRecords(lines(0, 10));
		WriteStatistics stats = writer.getStatistics();
		assertThat(stats.buffered()).isEqualTo(10);
		assertThat(stats.bufferedBytes()).isEqualTo(10 * LINE_BYTES);
		assertThat(stats.droppedOverflow()).isEqualTo(1);
		WriterFixture.assertAccounted(writer);
	}

	/** 1000 bytes of memory (ten lines), a server that never recovers in the test's time. */
	private static WriteOptions.Builder stalled(WriteOptions.Builder options) {
		return options.batchSize(5)
			.maxBatchBytes(1000)
			.bufferMemory(1000)
			.minRetryDelay(Duration.ofHours(1))
			.maxRetryDelay(Duration.ofHours(1))
			.maxRetryTime(Duration.ofHours(2));
	}

	/** Lines {@code from} (inclusive) to {@code to} (exclusive), each {@value #LINE_BYTES} bytes with its line feed. */
	static List<String> lines(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> {
			String head = "m,n=" + i + " s=\"";
			return head + "x".repeat(LINE_BYTES - 2 - head.length()) + "\"";
		}).toList();
	}

}
