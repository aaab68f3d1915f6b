package io.influxspring.write.engine;

import io.influxspring.mapping.InfluxTag;
import io.influxspring.mapping.InfluxMeasurement;
import io.influxspring.mapping.InfluxField;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.influxspring.testsupport.RecordedRequest;
import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.testsupport.StubResponse;
import io.influxspring.write.OverflowPolicy;
import io.influxspring.write.Point;
import io.influxspring.write.WriteApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class BatchingWriteApiTest {

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	@RegisterExtension
	final WriterFixture fixture = new WriterFixture(server);

	@Test
	void sendsFullBatchesAndKeepsTheRestUntilFlushed() throws Exception {
		WriteApi writer = this.fixture.writer((o) -> o.batchSize(3));
		writer.writeRecords(WriterFixture.records(7));
		await().until(() -> server.requestCount() == 2);
		assertThat(server.requests()).allSatisfy((request) -> assertThat(request.body().split("\n")).hasSize(3));
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.receivedLines()).containsExactlyInAnyOrderElementsOf(WriterFixture.records(7));
		assertThat(server.requestCount()).isEqualTo(3);
	}

	@Test
	void cutsBatchesByBytes() throws Exception {
		WriteApi writer = this.fixture.writer((o) -> o.maxBatchBytes(30));
		writer.writeRecords("m v=1000000i", "m v=2000000i", "m v=3000000i");
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.requests()).extracting(RecordedRequest::body)
			.containsExactlyInAnyOrder("m v=1000000i\nm v=2000000i\n", "m v=3000000i\n");
	}

	@Test
	void sendsAfterTheFlushInterval() {
		WriteApi writer = this.fixture.writer((o) -> o.flushInterval(Duration.ofMillis(50)));
		writer.writeRecord("m v=1i");
		await().atMost(Duration.ofSeconds(5)).until(() -> server.receivedLines().equals(List.of("m v=1i")));
	}

	@Test
	void sendsHeadersPathAndAuthorization() throws Exception {
		WriteApi writer = this.fixture.writer((o) -> o);
		writer.writeRecord("m v=1i\n");
		writer.flush().get(5, TimeUnit.SECONDS);
		RecordedRequest request = server.requests().get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.target()).isEqualTo(WriterFixture.PATH);
		assertThat(request.header("Authorization")).isEqualTo("Token s3cr3t");
		assertThat(request.header("Content-Type")).startsWith("text/plain");
		assertThat(request.header("Content-Encoding")).isNull();
		assertThat(request.body()).isEqualTo("m v=1i\n");
		writer.setPath("/write?db=other");
		assertThat(writer.getPath()).isEqualTo("/write?db=other");
		writer.writeRecord("m v=2i");
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.requests().get(1).target()).isEqualTo("/write?db=other");
	}

	@Test
	void gzipsBodiesAboveTheThreshold() throws Exception {
		WriteApi writer = this.fixture.writer((o) -> o.gzipThreshold(100));
		writer.writeRecord("m v=1i");
		writer.flush().get(5, TimeUnit.SECONDS);
		writer.writeRecords(WriterFixture.records(50));
		writer.flush().get(5, TimeUnit.SECONDS);
		List<RecordedRequest> requests = server.requests();
		assertThat(requests.get(0).header("Content-Encoding")).isNull();
		assertThat(requests.get(1).header("Content-Encoding")).isEqualTo("gzip");
		assertThat(requests.get(1).rawBody().length).isLessThan(requests.get(1).body().length());
		assertThat(requests.get(1).body().split("\n")).containsExactlyElementsOf(WriterFixture.records(50));
	}

	@ParameterizedTest
	@ValueSource(ints = { 10, 1_000_000 })
	void writesAndRetriesThroughTheJdkHttpClientConnectorToo(int gzipThreshold) throws Exception {
		server.enqueue(StubResponse.status(503));
		WebClient webClient = WebClient.builder().clientConnector(new JdkClientHttpConnector()).build();
		WriteApi writer = this.fixture.writer(webClient, (o) -> o.gzipThreshold(gzipThreshold));
		writer.writeRecords(WriterFixture.records(50));
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.requests()).hasSize(2).allSatisfy((request) -> {
			assertThat(request.header("Content-Encoding")).isEqualTo((gzipThreshold < 100) ? "gzip" : null);
			assertThat(request.body().split("\n")).containsExactlyElementsOf(WriterFixture.records(50));
		});
	}

	@Test
	void keepsAtMostMaxConcurrentRequestsInFlight() throws Exception {
		server.setDefaultResponse(StubResponse.noContent().delay(Duration.ofMillis(100)));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.batchSize(10).maxConcurrentRequests(2));
		writer.writeRecords(WriterFixture.records(100));
		CompletableFuture<Void> flush = writer.flush();
		int most = 0;
		while (!flush.isDone()) {
			most = Math.max(most, writer.getStatistics().inFlightRequests());
		}
		flush.get();
		assertThat(most).isEqualTo(2);
		assertThat(server.requestCount()).isEqualTo(10);
	}

	@Test
	void flushCompletesOnlyWhenTheServerHasAnswered() throws Exception {
		server.enqueue(StubResponse.noContent().delay(Duration.ofMillis(500)));
		BatchingWriteApi writer = this.fixture.writer((o) -> o);
		writer.writeRecords(WriterFixture.records(10));
		CompletableFuture<Void> flush = writer.flush();
		assertThat(flush).isNotDone();
		flush.get(5, TimeUnit.SECONDS);
		assertThat(server.receivedLines()).hasSize(10);
		assertThat(writer.getStatistics().written()).isEqualTo(10);
		assertThat(writer.flush()).isCompleted();
	}

	@Test
	void flushFailsWithTheServersReason() {
		server.enqueue(StubResponse.status(400).jsonBody("{\"code\":\"invalid\",\"message\":\"unable to parse 'x'\"}"));
		WriteApi writer = this.fixture.writer((o) -> o);
		writer.writeRecord("x");
		assertThat(writer.flush()).failsWithin(Duration.ofSeconds(5))
			.withThrowableThat()
			.havingRootCause()
			.withMessageContaining("400")
			.withMessageContaining("unable to parse 'x'");
	}

	@Test
	void appliesDefaultTagsToPointsButNotToRecords() throws Exception {
		WriteApi writer = this.fixture.writer((o) -> o);
		writer.useDefaultTags(Map.of("host", "h1", "app", "a"));
		writer.writePoint(Point.measurement("m").tag("host", "own").field("v", 1));
		writer.writeRecord("raw v=2i");
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.receivedLines()).containsExactly("m,app=a,host=own v=1i " + WriterFixture.T0, "raw v=2i");
	}

	@InfluxMeasurement("order")
	record Order(@InfluxTag String country, @InfluxField double amount) {
	}

	@Test
	void writesMeasurementsWithDefaultTags() throws Exception {
		WriteApi writer = this.fixture.writer((o) -> o);
		writer.useDefaultTags(Map.of("app", "shop"));
		writer.writeMeasurement(new Order("DE", 9.5));
		writer.writeMeasurements(List.of(new Order("FR", 1), new Order(null, 2)));
		assertThatIllegalArgumentException().isThrownBy(() -> writer.writeMeasurements(List.of(new Order("IT", 3), "no")))
			.withMessageContaining("java.lang.String is not annotated with @InfluxMeasurement");
		writer.flush().get(5, TimeUnit.SECONDS);
		long t = WriterFixture.T0;
		assertThat(server.receivedLines()).containsExactly("order,app=shop,country=DE amount=9.5 " + t,
				"order,app=shop,country=FR amount=1 " + (t + 1), "order,app=shop amount=2 " + (t + 2),
				"order,app=shop,country=IT amount=3 " + (t + 3));
	}

	@Test
	void writesPointsUpToAnInvalidOne() throws Exception {
		WriteApi writer = this.fixture.writer((o) -> o);
		List<Point> points = List.of(Point.measurement("m").field("v", 1), Point.measurement("m"),
				Point.measurement("m").field("v", 3));
		assertThatIllegalArgumentException().isThrownBy(() -> writer.writePoints(points)).withMessageContaining("no field");
		assertThatIllegalArgumentException().isThrownBy(() -> writer.writeRecord(" "));
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.receivedLines()).containsExactly("m v=1i " + WriterFixture.T0);
	}

	@Test
	void closeWritesEverythingAndRejectsLaterWrites() {
		BatchingWriteApi writer = this.fixture.writer((o) -> o.batchSize(4));
		writer.writeRecords(WriterFixture.records(10));
		writer.close();
		assertThat(server.receivedLines()).containsExactlyInAnyOrderElementsOf(WriterFixture.records(10));
		assertThat(writer.getStatistics().written()).isEqualTo(10);
		assertThatIllegalStateException().isThrownBy(() -> writer.writeRecord("m v=1i"));
		assertThatIllegalStateException().isThrownBy(() -> writer.writePoint(Point.measurement("m").field("v", 1)));
		writer.close();
		assertThat(writer.dispose()).isZero();
	}

	@Test
	void closeGivesUpAfterTheCloseTimeoutAndReportsWhatIsLeft() {
		server.setDefaultResponse(StubResponse.status(503));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.closeTimeout(Duration.ofMillis(300))
			.minRetryDelay(Duration.ofSeconds(30))
			.maxRetryDelay(Duration.ofSeconds(30)));
		writer.writeRecords(WriterFixture.records(5));
		writer.close();
		assertThat(this.fixture.listener.droppedLines()).isEqualTo(5);
		assertThat(this.fixture.listener.drops).allSatisfy((drop) -> assertThat(drop.reason().name()).isEqualTo("CLOSED"));
		assertThat(writer.getStatistics().dropped()).isEqualTo(5);
		assertThat(writer.getStatistics().buffered()).isZero();
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void disposeDiscardsEverythingAndCountsIt() {
		server.setDefaultResponse(StubResponse.noContent().delay(Duration.ofSeconds(5)));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.batchSize(10));
		writer.writeRecords(WriterFixture.records(10));
		await().until(() -> server.requestCount() == 1);
		writer.writeRecords(WriterFixture.records(5));
		assertThat(writer.dispose()).isEqualTo(15);
		await().until(() -> this.fixture.listener.droppedLines() == 15);
		assertThat(writer.getStatistics().dropped()).isEqualTo(15);
		assertThat(writer.getStatistics().written()).isZero();
		assertThatIllegalStateException().isThrownBy(() -> writer.writeRecord("m v=1i"));
		assertThat(writer.dispose()).isZero();
	}

	@Test
	void dropOldestKeepsTheNewestLinesAndReportsEveryDrop() throws Exception {
		server.enqueue(StubResponse.noContent().delay(Duration.ofMillis(300)));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.batchSize(5)
			.bufferLimit(10)
			.maxConcurrentRequests(1)
			.overflow(OverflowPolicy.DROP_OLDEST));
		writer.writeRecords(WriterFixture.records(5));
		await().until(() -> server.requestCount() == 1);
		List<String> more = IntStream.range(100, 130).mapToObj((i) -> "m v=" + i + "i").toList();
		more.forEach(writer::writeRecord);
		WriterFixture.assertAccounted(writer);
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.receivedLines()).containsAll(WriterFixture.records(5)).containsAll(more.subList(25, 30));
		assertThat(this.fixture.listener.droppedLines()).isEqualTo(25).isEqualTo(writer.getStatistics().dropped());
		assertThat(server.receivedLines()).hasSize(10);
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void dropNewestKeepsTheOldestLines() throws Exception {
		server.enqueue(StubResponse.noContent().delay(Duration.ofMillis(300)));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.batchSize(5)
			.bufferLimit(10)
			.maxConcurrentRequests(1)
			.overflow(OverflowPolicy.DROP_NEWEST));
		writer.writeRecords(WriterFixture.records(5));
		await().until(() -> server.requestCount() == 1);
		List<String> more = IntStream.range(100, 130).mapToObj((i) -> "m v=" + i + "i").toList();
		writer.writeRecords(more);
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.receivedLines()).containsExactlyInAnyOrderElementsOf(
				new ArrayList<>(WriterFixture.records(5)) {
					{
						addAll(more.subList(0, 5));
					}
				});
		assertThat(this.fixture.listener.droppedLines()).isEqualTo(25);
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void blockWaitsForRoomInsteadOfDropping() throws Exception {
		server.enqueue(StubResponse.noContent().delay(Duration.ofMillis(200)));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.batchSize(5)
			.bufferLimit(5)
			.maxConcurrentRequests(1)
			.overflow(OverflowPolicy.BLOCK));
		writer.writeRecords(WriterFixture.records(20));
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.receivedLines()).containsExactlyInAnyOrderElementsOf(WriterFixture.records(20));
		assertThat(writer.getStatistics().dropped()).isZero();
	}

	@Test
	void blockDropsTheNewestLinesAfterTheBlockTimeout() {
		server.setDefaultResponse(StubResponse.noContent().delay(Duration.ofSeconds(3)));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.batchSize(5)
			.bufferLimit(5)
			.maxConcurrentRequests(1)
			.blockTimeout(Duration.ofMillis(50))
			.overflow(OverflowPolicy.BLOCK));
		writer.writeRecords(WriterFixture.records(5));
		writer.writeRecord("m v=late");
		assertThat(writer.getStatistics().dropped()).isEqualTo(1);
		await().until(() -> this.fixture.listener.drops.size() == 1);
		assertThat(this.fixture.listener.drops.get(0).lines().lines()).containsExactly("m v=late");
	}

	@Test
	void accountsForEveryLineUnderConcurrentWriters() throws Exception {
		BatchingWriteApi writer = this.fixture.writer((o) -> o.batchSize(1000).bufferLimit(5000));
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			int thread = t;
			threads.add(new Thread(() -> {
				for (int i = 0; i < 25_000; i++) {
					writer.writePoint(Point.measurement("m").tag("t", "t" + thread).field("v", i));
				}
			}));
		}
		threads.forEach(Thread::start);
		while (threads.stream().anyMatch(Thread::isAlive)) {
			WriterFixture.assertAccounted(writer);
		}
		writer.flush().get(10, TimeUnit.SECONDS);
		WriterFixture.assertAccounted(writer);
		WriteStatistics stats = writer.getStatistics();
		assertThat(stats.offered()).isEqualTo(100_000);
		assertThat(server.receivedLines()).hasSize((int) stats.written());
		assertThat(stats.written()).as("backpressure, the default, drops nothing into a healthy server").isEqualTo(100_000);
		assertThat(this.fixture.listener.droppedLines()).isEqualTo(stats.dropped()).isZero();
	}

}
