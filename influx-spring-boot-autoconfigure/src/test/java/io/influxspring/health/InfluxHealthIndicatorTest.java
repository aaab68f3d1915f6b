package io.influxspring.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.testsupport.StubResponse;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.engine.BatchingWriteApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link InfluxHealthIndicator} against a stub server: ping, write failures and the writer's state. */
class InfluxHealthIndicatorTest {

	private static final Status DEGRADED = new Status("DEGRADED");

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	private final List<BatchingWriteApi> writers = new ArrayList<>();

	@AfterEach
	void disposeWriters() {
		this.writers.forEach(BatchingWriteApi::dispose);
	}

	private BatchingWriteApi writer(String url) {
		BatchingWriteApi writer = BatchingWriteApi.builder(WebClient.create(), url)
			.path("/api/v2/write?bucket=b&precision=ns")
			.options(WriteOptions.builder().flushInterval(Duration.ofHours(1)).maxRetries(0).build())
			.build();
		this.writers.add(writer);
		return writer;
	}

	private static Health health(BatchingWriteApi writer, Duration threshold) {
		return new InfluxHealthIndicator(writer, Duration.ofSeconds(2), threshold, DEGRADED).health()
			.block(Duration.ofSeconds(10));
	}

	@Test
	void isUpWhenPingAnswers204WithTheServersVersionAndTheWritersState() {
		server.enqueue(StubResponse.noContent().header("X-Influxdb-Version", "v2.7.11"));
		BatchingWriteApi writer = writer(server.url());
		writer.writeRecords("m v=1i", "m v=2i");
		Health health = health(writer, Duration.ofMinutes(1));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("version", "v2.7.11")
			.containsEntry("url", server.url())
			.containsEntry("linesBuffered", 2L)
			.containsEntry("bytesBuffered", writer.getStatistics().bufferedBytes())
			.containsEntry("linesWaitingForRetry", 0L)
			.doesNotContainKeys("lastFailureMessage", "writesFailingSince");
		assertThat((long) health.getDetails().get("bytesBuffered")).isPositive();
		assertThat(server.requests()).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("GET");
			assertThat(request.path()).isEqualTo("/ping");
		});
	}

	@Test
	void isDownWhenPingAnswersWithAnError() {
		server.enqueue(StubResponse.status(503));
		Health health = health(writer(server.url()), Duration.ofMinutes(1));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("pingStatus", 503).containsEntry("url", server.url());
	}

	@Test
	void isDownWithTheErrorWhenPingFails() {
		StubInfluxServer stopped = new StubInfluxServer().start();
		String url = stopped.url();
		stopped.close();
		Health health = health(writer(url), Duration.ofMinutes(1));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsKey("error").containsEntry("url", url).containsEntry("linesBuffered", 0L);
	}

	@Test
	void reportsTheConfiguredStatusWhenWritesFailLongerThanTheThreshold() {
		server.enqueue(StubResponse.status(400).jsonBody("{\"code\":\"invalid\",\"message\":\"field type conflict\"}"));
		BatchingWriteApi writer = writer(server.url());
		writer.writeRecord("m v=1i");
		assertThat(writer.flush()).failsWithin(Duration.ofSeconds(10));
		Health health = health(writer, Duration.ZERO);
		assertThat(health.getStatus()).isEqualTo(DEGRADED);
		assertThat(health.getDetails()).containsKeys("writesFailingSince", "lastFailureTime")
			.containsEntry("linesBuffered", 0L)
			.containsEntry("bytesBuffered", 0L);
		assertThat((String) health.getDetails().get("lastFailureMessage")).contains("field type conflict");
	}

	@Test
	void staysUpWhileWritesHaveFailedForLessThanTheThreshold() {
		server.enqueue(StubResponse.status(400).jsonBody("{\"code\":\"invalid\",\"message\":\"field type conflict\"}"));
		BatchingWriteApi writer = writer(server.url());
		writer.writeRecord("m v=1i");
		assertThat(writer.flush()).failsWithin(Duration.ofSeconds(10));
		Health health = health(writer, Duration.ofHours(1));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).doesNotContainKey("writesFailingSince");
		assertThat((String) health.getDetails().get("lastFailureMessage")).contains("field type conflict");
	}

}
