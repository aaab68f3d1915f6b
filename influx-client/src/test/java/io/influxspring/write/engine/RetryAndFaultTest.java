package io.influxspring.write.engine;

import reactor.netty.http.client.HttpClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.influxspring.testsupport.RecordedRequest;
import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.testsupport.StubResponse;
import io.influxspring.write.InfluxWriteException;
import io.influxspring.write.WriteApi;
import io.influxspring.write.WriteFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The retry and fault matrix, against a stub server scripted to misbehave. */
class RetryAndFaultTest {

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	@RegisterExtension
	final WriterFixture fixture = new WriterFixture(server);

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504 })
	void retriesServerErrors(int status) throws Exception {
		server.enqueue(StubResponse.status(status).jsonBody("{\"message\":\"busy\"}"));
		BatchingWriteApi writer = this.fixture.writer((o) -> o);
		writer.writeRecords(WriterFixture.records(3));
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.requestCount()).isEqualTo(2);
		assertThat(server.requests().get(1).body()).isEqualTo(server.requests().get(0).body());
		assertThat(this.fixture.listener.retries).singleElement().satisfies((retry) -> {
			assertThat(retry.attempt()).isEqualTo(1);
			assertThat(retry.reason().getStatusCode()).isEqualTo(status);
			assertThat(retry.reason()).hasMessageContaining("busy");
		});
		assertThat(this.fixture.listener.successes).singleElement().satisfies((success) -> assertThat(success.attempt()).isEqualTo(2));
		assertThat(writer.getStatistics().retries()).isEqualTo(1);
	}

	@Test
	void retriesSendTheSameCompressedBodyAgain() throws Exception {
		server.enqueue(StubResponse.status(503));
		server.enqueue(StubResponse.status(503));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.gzipThreshold(10));
		writer.writeRecords(WriterFixture.records(50));
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.requests()).hasSize(3).allSatisfy((request) -> {
			assertThat(request.header("Content-Encoding")).isEqualTo("gzip");
			assertThat(request.rawBody()).isEqualTo(server.requests().get(0).rawBody());
			assertThat(request.body().split("\n")).containsExactlyElementsOf(WriterFixture.records(50));
		});
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403, 404, 422 })
	void doesNotRetryClientErrors(int status) {
		server.enqueue(StubResponse.status(status).jsonBody("{\"code\":\"x\",\"message\":\"no " + status + "\"}"));
		BatchingWriteApi writer = this.fixture.writer((o) -> o);
		writer.writeRecords(WriterFixture.records(3));
		assertThat(writer.flush()).failsWithin(Duration.ofSeconds(5));
		assertThat(server.requestCount()).isEqualTo(1);
		WriteFailure failure = this.fixture.listener.failures.get(0);
		assertThat(failure.reason().getStatusCode()).isEqualTo(status);
		assertThat(failure.reason()).hasMessageContaining("no " + status);
		assertThat(failure.isExpired()).isFalse();
		assertThat(failure.lines().lines()).containsExactlyElementsOf(WriterFixture.records(3));
		assertThat(writer.getStatistics().failed()).isEqualTo(3);
	}

	@Test
	void honoursRetryAfterInSecondsCappedAtMaxDelay() throws Exception {
		server.enqueue(StubResponse.status(429).header("Retry-After", "1"), StubResponse.status(429).header("Retry-After", "60"));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.maxRetryDelay(Duration.ofSeconds(2)));
		writer.writeRecord("m v=1i");
		writer.flush().get(10, TimeUnit.SECONDS);
		assertThat(this.fixture.listener.retries).extracting((retry) -> retry.delay())
			.containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
		assertThat(server.requestCount()).isEqualTo(3);
	}

	@Test
	void honoursRetryAfterAsHttpDate() throws Exception {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(30));
		server.enqueue(StubResponse.status(503).header("Retry-After", date));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.maxRetryDelay(Duration.ofMillis(100)));
		writer.writeRecord("m v=1i");
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(this.fixture.listener.retries.get(0).delay()).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void retriesDroppedAndResetConnections() throws Exception {
		server.enqueue(StubResponse.dropConnection(), StubResponse.reset());
		BatchingWriteApi writer = this.fixture.writer((o) -> o);
		writer.writeRecords(WriterFixture.records(4));
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(this.fixture.listener.retries).hasSize(2)
			.allSatisfy((retry) -> assertThat(retry.reason().getStatusCode()).isZero());
		assertThat(server.receivedLines()).containsExactlyElementsOf(WriterFixture.records(4));
	}

	@Test
	void retriesSlowResponsesAfterTheResponseTimeout() throws Exception {
		server.enqueue(StubResponse.noContent().delay(Duration.ofSeconds(3)));
		HttpClient http = HttpClient.create()
			.responseTimeout(Duration.ofMillis(200));
		WebClient client = WebClient
			.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.build();
		BatchingWriteApi writer = BatchingWriteApi.builder(client, server.url())
			.options(WriterFixture.options().build())
			.listener(this.fixture.listener)
			.build();
		try {
			writer.writeRecord("m v=1i");
			writer.flush().get(10, TimeUnit.SECONDS);
			assertThat(this.fixture.listener.retries).singleElement()
				.satisfies((retry) -> assertThat(retry.reason()).hasMessageContaining("Timeout"));
			assertThat(writer.getStatistics().written()).isEqualTo(1);
		}
		finally {
			writer.dispose();
		}
	}

	@Test
	void retriesARequestUnansweredWithinTheRequestTimeout() throws Exception {
		server.enqueue(StubResponse.noContent().delay(Duration.ofSeconds(3)));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.requestTimeout(Duration.ofMillis(200)));
		try {
			writer.writeRecord("m v=1i");
			writer.flush().get(10, TimeUnit.SECONDS);
			assertThat(this.fixture.listener.retries).singleElement().satisfies((retry) -> {
				assertThat(retry.reason().getStatusCode()).isZero();
				assertThat(retry.reason()).hasMessageContaining("TimeoutException")
					.hasMessageContaining("no answer within 200ms");
			});
			assertThat(writer.getStatistics().written()).isEqualTo(1);
			assertThat(server.receivedLines()).containsExactly("m v=1i", "m v=1i");
		}
		finally {
			writer.dispose();
		}
	}

	@Test
	void givesUpAfterMaxRetries() {
		server.setDefaultResponse(StubResponse.status(503));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.maxRetries(2));
		writer.writeRecords(WriterFixture.records(2));
		assertThat(writer.flush()).failsWithin(Duration.ofSeconds(5))
			.withThrowableThat()
			.havingRootCause()
			.isInstanceOf(InfluxWriteException.class);
		assertThat(server.requestCount()).isEqualTo(3);
		assertThat(this.fixture.listener.failures).singleElement().satisfies((failure) -> {
			assertThat(failure.attempt()).isEqualTo(3);
			assertThat(failure.isExpired()).isTrue();
		});
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void givesUpWhenTheNextRetryWouldPassMaxRetryTime() {
		server.setDefaultResponse(StubResponse.status(503));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.minRetryDelay(Duration.ofMillis(200))
			.maxRetryDelay(Duration.ofSeconds(1))
			.maxRetryTime(Duration.ofMillis(100)));
		writer.writeRecord("m v=1i");
		assertThat(writer.flush()).failsWithin(Duration.ofSeconds(5));
		assertThat(server.requestCount()).isEqualTo(1);
		assertThat(this.fixture.listener.retries).isEmpty();
	}

	@Test
	void backsOffExponentially() throws Exception {
		server.enqueue(StubResponse.status(503), StubResponse.status(503), StubResponse.status(503));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.minRetryDelay(Duration.ofMillis(10))
			.maxRetryDelay(Duration.ofMillis(30))
			.exponentialBase(2));
		writer.writeRecord("m v=1i");
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(this.fixture.listener.retries).extracting((retry) -> retry.delay().toMillis())
			.containsExactly(10L, 20L, 30L);
	}

	@Test
	void splitsBatchesTheServerFindsTooLarge() throws Exception {
		server.enqueue(StubResponse.status(413), StubResponse.status(413));
		BatchingWriteApi writer = this.fixture.writer((o) -> o);
		writer.writeRecords(WriterFixture.records(8));
		writer.flush().get(5, TimeUnit.SECONDS);
		assertThat(server.requests()).extracting((request) -> request.body().split("\n").length)
			.containsExactlyInAnyOrder(8, 4, 4, 2, 2);
		assertThat(server.receivedLines()).containsExactlyInAnyOrderElementsOf(WriterFixture.records(8));
		assertThat(writer.getStatistics().written()).isEqualTo(8);
	}

	@Test
	void failsASingleLineTooLargeForTheServer() {
		server.enqueue(StubResponse.status(413));
		BatchingWriteApi writer = this.fixture.writer((o) -> o);
		writer.writeRecord("m v=1i");
		assertThat(writer.flush()).failsWithin(Duration.ofSeconds(5));
		assertThat(writer.getStatistics().failed()).isEqualTo(1);
	}

	@Test
	void readsTheReasonFromTheInfluxDbErrorHeader() {
		server.enqueue(StubResponse.status(400).header("X-Influxdb-Error", "field type conflict"));
		BatchingWriteApi writer = this.fixture.writer((o) -> o);
		writer.writeRecord("m v=1i");
		assertThat(writer.flush()).failsWithin(Duration.ofSeconds(5));
		assertThat(this.fixture.listener.failures.get(0).reason()).hasMessageContaining("field type conflict")
			.hasMessageNotContaining("s3cr3t");
	}

	@Test
	void reportsTheLinesAnInfluxDb3PartialWriteRejected() {
		server.enqueue(StubResponse.status(400)
			.jsonBody("{\"error\":\"partial write of line protocol occurred\",\"data\":[{\"original_line\":\"m v=1i\","
					+ "\"line_number\":2,\"error_message\":\"invalid column type\"}]}"));
		BatchingWriteApi writer = this.fixture.writer((o) -> o);
		writer.writeRecords(WriterFixture.records(3));
		assertThat(writer.flush()).failsWithin(Duration.ofSeconds(5));
		await().until(() -> this.fixture.listener.failures.size() == 1);
		assertThat(this.fixture.listener.failures.get(0).lines().lines()).containsExactly("m v=1i");
		assertThat(this.fixture.listener.successes.get(0).lines().lines()).containsExactly("m v=0i", "m v=2i");
		assertThat(writer.getStatistics().written()).isEqualTo(2);
		assertThat(writer.getStatistics().failed()).isEqualTo(1);
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void flushWithRetryBufferSendsWaitingLinesAtOnce() throws Exception {
		server.enqueue(StubResponse.status(503));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.minRetryDelay(Duration.ofMinutes(5))
			.maxRetryDelay(Duration.ofMinutes(5))
			.maxRetryTime(Duration.ofMinutes(10)));
		writer.writeRecord("m v=1i");
		writer.flush();
		await().until(() -> writer.getStatistics().retrying() == 1);
		assertThat(writer.flush()).isNotDone();
		writer.flush(true).get(5, TimeUnit.SECONDS);
		assertThat(server.requests()).extracting(RecordedRequest::body).containsExactly("m v=1i\n", "m v=1i\n");
	}

	@Test
	void networkErrorMessagesDoNotLeakTheToken() {
		StubInfluxServer closed = new StubInfluxServer().start();
		String url = closed.url();
		closed.close();
		BatchingWriteApi writer = BatchingWriteApi
			.builder(WebClient.create(), url)
			.options(WriterFixture.options().maxRetries(0).build())
			.authorization("Token s3cr3t")
			.listener(this.fixture.listener)
			.build();
		try {
			writer.writeRecord("m v=1i");
			assertThat(writer.flush()).failsWithin(Duration.ofSeconds(5));
			assertThat(this.fixture.listener.failures.get(0).reason().getMessage()).contains(url)
				.doesNotContain("s3cr3t");
			assertThat(writer.toString()).doesNotContain("s3cr3t");
		}
		finally {
			writer.dispose();
		}
	}

}
