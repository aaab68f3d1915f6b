package io.influxspring.write.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.testsupport.StubResponse;
import io.influxspring.write.OverflowPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default overflow policy, {@code backpressure}: a caller that outruns a healthy server waits for
 * room, one that writes while the server fails drops the oldest lines without waiting, and a
 * non-blocking thread never waits under any policy.
 */
class BackpressureTest {

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	@RegisterExtension
	final WriterFixture fixture = new WriterFixture(server);

	@Test
	void isTheDefault() {
		assertThat(WriterFixture.options().build().overflow()).isEqualTo(OverflowPolicy.BACKPRESSURE);
	}

	@Test
	void waitsForRoomWhileTheServerAnswersSoNothingIsDropped() throws Exception {
		server.setDefaultResponse(StubResponse.noContent().delay(Duration.ofMillis(50)));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.batchSize(5).bufferLimit(5).maxConcurrentRequests(1));
		writer.writeRecords(WriterFixture.records(40));
		writer.flush().get(10, TimeUnit.SECONDS);
		assertThat(server.receivedLines()).containsExactlyElementsOf(WriterFixture.records(40));
		assertThat(writer.getStatistics().dropped()).isZero();
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void dropsTheOldestLinesWithoutWaitingWhileTheServerFails() {
		server.setDefaultResponse(StubResponse.status(503));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.batchSize(5)
			.bufferLimit(10)
			.blockTimeout(Duration.ofHours(1))
			.minRetryDelay(Duration.ofHours(1))
			.maxRetryDelay(Duration.ofHours(1))
			.maxRetryTime(Duration.ofHours(2)));
		writer.writeRecords(WriterFixture.records(5));
		await().until(() -> writer.getStatistics().retrying() == 5);
		List<String> more = IntStream.range(100, 130).mapToObj((i) -> "m v=" + i + "i").toList();
		writer.writeRecords(more);
		assertThat(writer.getStatistics().dropped()).isEqualTo(25);
		await().until(() -> this.fixture.listener.droppedLines() == 25);
		assertThat(this.fixture.listener.drops).flatExtracting((drop) -> drop.lines().lines())
			.containsAll(WriterFixture.records(5))
			.doesNotContainAnyElementsOf(more.subList(20, 30));
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void aNonBlockingThreadNeverWaitsEvenUnderBlock() {
		server.setDefaultResponse(StubResponse.noContent().delay(Duration.ofSeconds(5)));
		BatchingWriteApi blocking = this.fixture.writer((o) -> o.batchSize(5)
			.bufferLimit(5)
			.maxConcurrentRequests(1)
			.blockTimeout(Duration.ofHours(1))
			.overflow(OverflowPolicy.BLOCK));
		BatchingWriteApi backpressure = this.fixture.writer((o) -> o.batchSize(5)
			.bufferLimit(5)
			.maxConcurrentRequests(1)
			.blockTimeout(Duration.ofHours(1)));
		Mono.fromRunnable(() -> {
			blocking.writeRecords(WriterFixture.records(20));
			backpressure.writeRecords(WriterFixture.records(20));
		}).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(30));
		assertThat(blocking.getStatistics().dropped()).isEqualTo(15);
		assertThat(backpressure.getStatistics().dropped()).isEqualTo(15);
		WriterFixture.assertAccounted(blocking);
		WriterFixture.assertAccounted(backpressure);
	}

}
