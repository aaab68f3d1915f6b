package io.influxspring.write.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.influxspring.mapping.InfluxField;
import io.influxspring.mapping.InfluxMeasurement;
import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.testsupport.StubResponse;
import io.influxspring.write.OverflowPolicy;
import io.influxspring.write.Point;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteSuccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Faults from the application or the JVM never wedge the writer: errors in the send path and in
 * listeners, nested writes on one thread, a retry waiting for a slot, paths that would leave the
 * server, writes from the writer's own thread.
 */
class FaultToleranceTest {

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	@RegisterExtension
	final WriterFixture fixture = new WriterFixture(server);

	@Test
	void anErrorThrownInTheSendPathFailsThatBatchAndTheWriterGoesOnSending() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		ExchangeFilterFunction failingOnce = (request, next) -> {
			if (calls.incrementAndGet() == 1) {
				throw new OutOfMemoryError("thrown by a filter, as a compressor or codec might");
			}
			return next.exchange(request);
		};
		BatchingWriteApi writer = this.fixture.writer(WebClient.builder().filter(failingOnce).build(), (o) -> o);
		writer.writeRecord("m v=1i");
		assertThat(writer.flush()).failsWithin(Duration.ofSeconds(5));
		assertThat(writer.getStatistics().failed()).isEqualTo(1);
		assertThat(writer.getStatistics().inFlightRequests()).isZero();
		writer.writeRecord("m v=2i");
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.receivedLines()).containsExactly("m v=2i");
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void aRetryTimeBeyondWhatNanosecondsHoldMeansRetryingForever() throws Exception {
		server.enqueue(StubResponse.status(503));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.maxRetries(Integer.MAX_VALUE)
			.maxRetryTime(Duration.ofDays(1_000_000))
			.maxRetryDelay(Duration.ofDays(1_000_000)));
		writer.writeRecord("m v=1i");
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.requestCount()).isEqualTo(2);
		assertThat(server.receivedLines()).containsExactly("m v=1i");
		assertThat(writer.getStatistics().written()).isEqualTo(1);
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void anExceptionWhoseMessageThrowsFailsThatBatchAndTheWriterGoesOnSending() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		ExchangeFilterFunction failingOnce = (request, next) -> {
			if (calls.incrementAndGet() == 1) {
				return Mono.error(new IllegalStateException() {

					@Override
					public String getMessage() {
						throw new UnsupportedOperationException("a message that cannot be rendered");
					}

				});
			}
			return next.exchange(request);
		};
		BatchingWriteApi writer = this.fixture.writer(WebClient.builder().filter(failingOnce).build(), (o) -> o);
		writer.writeRecord("m v=1i");
		assertThat(writer.flush()).failsWithin(Duration.ofSeconds(5));
		assertThat(writer.getStatistics().failed()).isEqualTo(1);
		assertThat(writer.getStatistics().inFlightRequests()).isZero();
		writer.writeRecord("m v=2i");
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.receivedLines()).containsExactly("m v=2i");
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void anAssertionErrorInTheSendPathIsNotRetried() {
		ExchangeFilterFunction failing = (request, next) -> {
			throw new AssertionError("a test's assertion inside a filter");
		};
		BatchingWriteApi writer = this.fixture.writer(WebClient.builder().filter(failing).build(), (o) -> o);
		writer.writeRecord("m v=1i");
		assertThat(writer.flush()).failsWithin(Duration.ofSeconds(5));
		assertThat(writer.getStatistics().retries()).isZero();
		assertThat(this.fixture.listener.failures).singleElement()
			.satisfies((failure) -> assertThat(failure.reason()).hasRootCauseInstanceOf(AssertionError.class));
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void aListenerThrowingAnErrorNeitherStopsTheOthersNorHoldsBackTheFlush() throws Exception {
		List<WriteSuccess> heard = new CopyOnWriteArrayList<>();
		BatchingWriteApi writer = this.fixture.writer((o) -> o);
		writer.addListener(new WriteListener() {

			@Override
			public void onSuccess(WriteSuccess event) {
				throw new AssertionError("a listener's assertion");
			}

		});
		writer.addListener(new WriteListener() {

			@Override
			public void onSuccess(WriteSuccess event) {
				heard.add(event);
			}

		});
		writer.writeRecord("m v=1i");
		writer.flush().get(5, TimeUnit.SECONDS);
		writer.writeRecord("m v=2i");
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(heard).hasSize(2);
		WriterFixture.assertAccounted(writer);
	}

	@InfluxMeasurement("outer")
	static final class Audited {

		private final BatchingWriteApi writer;

		Audited(BatchingWriteApi writer) {
			this.writer = writer;
		}

		@InfluxField
		long value() {
			this.writer.writeRecord("audit read=1i");
			return 42;
		}

	}

	@Test
	void aWriteMadeWhileAnotherIsEncodedOnTheSameThreadIsKeptApart() throws Exception {
		BatchingWriteApi writer = this.fixture.writer((o) -> o.clientTimestamps(false));
		writer.writeRecord("first v=0i");
		writer.writeMeasurement(new Audited(writer));
		writer.writePoints(() -> List.of(Point.measurement("lazy").field("v", 1))
			.stream()
			.peek((point) -> writer.writeRecord("inside v=1i"))
			.iterator());
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.receivedLines()).containsExactlyInAnyOrder("first v=0i", "audit read=1i", "outer value=42i",
				"inside v=1i", "lazy v=1i");
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void aRetryWaitingForABusySlotDoesNotSpin() throws Exception {
		server.enqueue(StubResponse.status(503), StubResponse.noContent().delay(Duration.ofMillis(1500)));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.batchSize(1)
			.maxConcurrentRequests(1)
			.minRetryDelay(Duration.ofMillis(300))
			.maxRetryDelay(Duration.ofMillis(300)));
		writer.writeRecord("m v=1i");
		await().pollInterval(Duration.ofMillis(5)).until(() -> writer.getStatistics().retrying() == 1);
		writer.writeRecord("m v=2i");
		await().pollInterval(Duration.ofMillis(5)).until(() -> server.requestCount() == 2);
		Thread thread = WriterFixture.writerThread(writer);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpuBefore = threads.getThreadCpuTime(thread.getId());
		long wallBefore = System.nanoTime();
		await().atMost(Duration.ofSeconds(10)).until(() -> server.requestCount() >= 3);
		long cpu = threads.getThreadCpuTime(thread.getId()) - cpuBefore;
		long wall = System.nanoTime() - wallBefore;
		assertThat((double) cpu / wall).as("writer thread CPU share while a retry waits for a slot").isLessThan(0.05);
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.receivedLines()).contains("m v=1i", "m v=2i");
	}

	@Test
	void aPathMustStayOnTheServer() {
		BatchingWriteApi writer = this.fixture.writer((o) -> o);
		for (String path : List.of("@evil.example:80/write", "//evil.example/write", "write", "/write?db=a b",
				"/write\r\nX-Injected: 1", "http://evil.example/write")) {
			assertThatIllegalArgumentException().isThrownBy(() -> writer.setPath(path)).withMessageContaining("path");
		}
		writer.setPath("/write?db=other&precision=ns");
		assertThat(writer.getPath()).isEqualTo("/write?db=other&precision=ns");
	}

	@Test
	void aLocalErrorBuildingARequestIsNotRetried() {
		ExchangeFilterFunction failing = (request, next) -> {
			throw new IllegalStateException("a request that cannot be built");
		};
		BatchingWriteApi writer = this.fixture.writer(WebClient.builder().filter(failing).build(), (o) -> o);
		writer.writeRecord("m v=1i");
		assertThat(writer.flush()).failsWithin(Duration.ofSeconds(5));
		assertThat(writer.getStatistics().retries()).isZero();
		assertThat(writer.getStatistics().failed()).isEqualTo(1);
	}

	@Test
	void aListenerThatWritesIntoAFullBufferDoesNotStallTheWriter() throws Exception {
		server.setDefaultResponse(StubResponse.noContent().delay(Duration.ofMillis(20)));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.batchSize(2)
			.bufferLimit(2)
			.maxConcurrentRequests(1)
			.blockTimeout(Duration.ofHours(1))
			.overflow(OverflowPolicy.BLOCK));
		AtomicInteger echoes = new AtomicInteger();
		writer.addListener(new WriteListener() {

			@Override
			public void onSuccess(WriteSuccess event) {
				if (echoes.incrementAndGet() <= 5) {
					writer.writeRecords("echo v=1i", "echo v=2i", "echo v=3i");
				}
			}

		});
		writer.writeRecords("m v=1i", "m v=2i");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(echoes.get()).as(writer.getStatistics().toString()).isGreaterThan(5));
		writer.flush().get(10, TimeUnit.SECONDS);
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void aLineLongerThanMaxBatchBytesIsRefusedAtTheCall() throws Exception {
		BatchingWriteApi writer = this.fixture.writer((o) -> o.maxBatchBytes(1024));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> writer.writePoint(Point.measurement("m").field("s", "x".repeat(2000))))
			.withMessageContaining("longer than max-batch-bytes (1024)");
		writer.writePoint(Point.measurement("m").field("v", 1));
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(writer.getStatistics().offered()).isEqualTo(1);
		assertThat(server.receivedLines()).singleElement().asString().startsWith("m v=1i");
	}

	@Test
	void aSuspendedWriterKeepsItsLinesSendsThemOnResumeAndClosesAtOnce() throws Exception {
		BatchingWriteApi writer = this.fixture.writer((o) -> o.clientTimestamps(false).closeTimeout(Duration.ofHours(1)));
		writer.writeRecord("before v=1i");
		writer.suspend();
		assertThat(server.receivedLines()).containsExactly("before v=1i");
		writer.writeRecord("kept v=2i");
		writer.flush();
		assertThat(writer.getStatistics().buffered()).isEqualTo(1);
		writer.resume();
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.receivedLines()).containsExactly("before v=1i", "kept v=2i");
		writer.suspend();
		writer.writeRecord("left v=3i");
		writer.close();
		assertThat(writer.getStatistics().droppedClosed()).isEqualTo(1);
		WriterFixture.assertAccounted(writer);
	}

}
