package io.influxspring.autoconfigure.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.influxspring.autoconfigure.InfluxAutoConfiguration;
import io.influxspring.testsupport.InfluxDb1Server;
import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.testsupport.StubResponse;
import io.influxspring.write.Point;
import io.influxspring.write.engine.BatchingWriteApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InfluxMetricsAutoConfigurationTest {

	@RegisterExtension
	static final InfluxDb1Server influx = new InfluxDb1Server();

	@RegisterExtension
	static final StubInfluxServer stub = new StubInfluxServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withPropertyValues("spring.reactor.netty.shutdown-quiet-period=200ms", "influx.write.flush-interval=1h",
				"influx.write.retry.min-delay=10ms", "influx.write.retry.jitter=0ms")
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				InfluxAutoConfiguration.class, InfluxMetricsAutoConfiguration.class));

	private static double lines(MeterRegistry registry, String outcome, String reason) {
		return registry.get("influx.write.lines").tag("outcome", outcome).tag("reason", reason).functionCounter().count();
	}

	private static double accounted(MeterRegistry registry) {
		return lines(registry, "written", "none") + lines(registry, "failed", "rejected")
				+ lines(registry, "failed", "expired") + lines(registry, "dropped", "overflow")
				+ lines(registry, "dropped", "closed") + lines(registry, "dropped", "disposed")
				+ registry.get("influx.write.buffer.lines").gauge().value();
	}

	@Test
	void countsLinesWrittenToARealServer() {
		influx.createDatabase("metrics");
		this.runner.withPropertyValues("influx.url=" + influx.url(), "influx.api-version=v1", "influx.database=metrics")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				BatchingWriteApi writeApi = context.getBean(BatchingWriteApi.class);
				for (int i = 0; i < 1234; i++) {
					writeApi.writePoint(Point.measurement("m").field("v", i));
				}
				assertThat(registry.get("influx.write.buffer.lines").tag("bucket", "metrics").gauge().value()).isEqualTo(1234);
				assertThat(registry.get("influx.write.buffer.bytes").tag("writer", "influxWriteApi").gauge().value())
					.isEqualTo(writeApi.getStatistics().bufferedBytes())
					.isPositive();
				assertThat(accounted(registry)).isEqualTo(1234);
				writeApi.flush().get(10, TimeUnit.SECONDS);
				assertThat(lines(registry, "written", "none")).isEqualTo(1234);
				assertThat(registry.get("influx.write.buffer.lines").gauge().value()).isZero();
				assertThat(registry.get("influx.write.buffer.bytes").gauge().value()).isZero();
				assertThat(accounted(registry)).isEqualTo(1234);
				await().untilAsserted(() -> {
					Timer timer = registry.get("influx.write.requests").tag("outcome", "success").tag("status", "204").timer();
					assertThat(timer.count()).isEqualTo(1);
					assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
				});
			});
	}

	@Test
	void countsFailuresRetriesAndDropsByReason() {
		stub.enqueue(StubResponse.status(400).jsonBody("{\"message\":\"bad\"}"), StubResponse.status(503),
				StubResponse.status(503));
		this.runner
			.withPropertyValues("influx.url=" + stub.url(), "influx.bucket=b b", "influx.write.batch-size=10",
					"influx.write.buffer-limit=10", "influx.write.max-concurrent-requests=1",
					"influx.write.retry.max-retries=1", "influx.write.overflow=drop-newest")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				BatchingWriteApi writeApi = context.getBean(BatchingWriteApi.class);
				writeApi.writeRecords("m v=1i", "m v=2i");
				assertThat(writeApi.flush()).failsWithin(Duration.ofSeconds(5));
				assertThat(lines(registry, "failed", "rejected")).isEqualTo(2);
				writeApi.writeRecords("m v=3i");
				assertThat(writeApi.flush()).failsWithin(Duration.ofSeconds(5));
				assertThat(lines(registry, "failed", "expired")).isEqualTo(1);
				assertThat(registry.get("influx.write.retries").tag("bucket", "b b").functionCounter().count()).isEqualTo(1);
				for (int i = 0; i < 25; i++) {
					writeApi.writeRecord("m v=" + i + "i");
				}
				assertThat(lines(registry, "dropped", "overflow")).isGreaterThanOrEqualTo(15);
				assertThat(accounted(registry)).isEqualTo(28);
				int discarded = writeApi.dispose();
				assertThat(lines(registry, "dropped", "disposed")).isEqualTo(discarded);
				assertThat(registry.get("influx.write.buffer.lines").gauge().value()).isZero();
				assertThat(accounted(registry)).isEqualTo(28);
				await().untilAsserted(() -> {
					assertThat(registry.get("influx.write.requests").tag("outcome", "client_error").tag("status", "400")
						.timer().count()).isEqualTo(1);
					assertThat(registry.get("influx.write.requests").tag("outcome", "server_error").tag("status", "503")
						.timer().count()).isEqualTo(2);
				});
			});
	}

	@Test
	void backsOffWithoutARegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InfluxAutoConfiguration.class, InfluxMetricsAutoConfiguration.class))
			.withPropertyValues("influx.url=" + stub.url(), "influx.bucket=b")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(InfluxWriteMetrics.class));
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.runner.withPropertyValues("influx.url=" + stub.url(), "influx.bucket=b")
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(InfluxWriteMetrics.class));
	}

	@Test
	void aUserBeanWins() {
		this.runner.withPropertyValues("influx.url=" + stub.url(), "influx.bucket=b")
			.withBean(InfluxWriteMetrics.class, () -> new InfluxWriteMetrics(Map.of(), new SimpleMeterRegistry()))
			.run((context) -> {
				assertThat(context).hasSingleBean(InfluxWriteMetrics.class);
				assertThat(context.getBean(MeterRegistry.class).find("influx.write.lines").meters()).isEmpty();
			});
	}

	@Test
	void readsTheBucketFromThePath() {
		assertThat(InfluxWriteMetrics.bucket("/api/v2/write?org=o&bucket=my%20bucket&precision=ns")).isEqualTo("my bucket");
		assertThat(InfluxWriteMetrics.bucket("/write?db=telegraf&rp=autogen")).isEqualTo("telegraf");
		assertThat(InfluxWriteMetrics.bucket("/api/v2/write")).isEqualTo("default");
	}

	@Test
	void documentsEveryMeter() {
		assertThat(InfluxWriteMeters.values()).extracting(InfluxWriteMeters::getName)
			.containsExactly("influx.write.lines", "influx.write.requests", "influx.write.buffer.lines",
					"influx.write.buffer.bytes", "influx.write.spool.lines", "influx.write.spool.bytes",
					"influx.write.spool.replayed", "influx.write.spool.skipped", "influx.write.retries");
	}

}
