package io.influxspring.write.realserver;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.influxspring.testsupport.VictoriaMetricsServer;
import io.influxspring.write.Point;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.lineprotocol.LineProtocolDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * VictoriaMetrics accepts the same {@code /api/v2/write} requests, gzip-compressed, with the
 * {@link LineProtocolDialect#PORTABLE} rules, and stores every sample.
 */
class VictoriaMetricsWriteTest {

	@RegisterExtension
	static final VictoriaMetricsServer victoria = new VictoriaMetricsServer();

	@Test
	void storesEveryPoint() throws Exception {
		BatchingWriteApi writer = BatchingWriteApi.builder(WebClient.create(), victoria.url())
			.path("/api/v2/write?precision=ms")
			.options(WriteOptions.builder()
				.precision(WritePrecision.MS)
				.batchSize(1000)
				.lineProtocol(LineProtocolDialect.PORTABLE)
				.build())
			.build();
		try {
			Instant start = Instant.parse("2024-01-01T00:00:00Z");
			for (int i = 0; i < 5000; i++) {
				writer.writePoint(Point.measurement("vm_test")
					.tag("host", "h" + (i % 5))
					.field("value", i * 0.25)
					.time(start.plusMillis(i)));
			}
			writer.flush().get(30, TimeUnit.SECONDS);
			assertThat(writer.getStatistics().written()).isEqualTo(5000);
		}
		finally {
			writer.close();
		}
		victoria.forceFlush();
		victoria.awaitSamples("vm_test_value", 5000, Duration.ofSeconds(30));
		assertThat(victoria.countSamples("vm_test_value")).isEqualTo(5000);
	}

}
