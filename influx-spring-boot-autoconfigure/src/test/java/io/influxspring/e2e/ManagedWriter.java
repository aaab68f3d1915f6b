package io.influxspring.e2e;

import java.util.ArrayList;
import java.util.List;

import io.influxspring.autoconfigure.InfluxAutoConfiguration;
import io.influxspring.autoconfigure.metrics.InfluxMetricsAutoConfiguration;
import io.influxspring.testsupport.InfluxDb1Server;
import io.influxspring.testsupport.QuestDbServer;
import io.influxspring.testsupport.VictoriaMetricsServer;
import io.influxspring.write.WriteListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

/**
 * The application the end-to-end scenarios run: Boot's HTTP client and WebClient auto-configuration,
 * the starter's auto-configuration (with its Micrometer meters on a {@link SimpleMeterRegistry}) and
 * whatever listener a scenario adds, so the {@code WriteApi} under test is the Spring-managed bean,
 * flushed on refresh and closed with the context.
 */
final class ManagedWriter {

	private ManagedWriter() {
	}

	/**
	 * A runner with the auto-configurations and no server yet. The Netty loops get a short quiet period, not
	 * none: with none, a loop can end while the context's close still subscribes to it, and that close hangs.
	 */
	static ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withPropertyValues("spring.reactor.netty.shutdown-quiet-period=200ms")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					InfluxAutoConfiguration.class, InfluxMetricsAutoConfiguration.class));
	}

	/** A runner writing to QuestDB's {@code /api/v2/write} (the bucket is ignored: tables are measurements). */
	static ApplicationContextRunner questDb(QuestDbServer questdb, String... properties) {
		return questDb(questdb.url(), properties);
	}

	/** Like {@link #questDb(QuestDbServer, String...)} for QuestDB behind another address, e.g. a proxy. */
	static ApplicationContextRunner questDb(String url, String... properties) {
		return runner().withPropertyValues(join(properties, "influx.url=" + url, "influx.bucket=e2e"));
	}

	/** A runner writing to InfluxDB 1.x through {@code /write?db=database} (the database must exist). */
	static ApplicationContextRunner influxDb1(InfluxDb1Server influx, String database, String... properties) {
		return runner().withPropertyValues(
				join(properties, "influx.url=" + influx.url(), "influx.api-version=v1", "influx.database=" + database));
	}

	/** A runner writing to VictoriaMetrics' {@code /api/v2/write} (it keeps milliseconds of timestamps). */
	static ApplicationContextRunner victoriaMetrics(VictoriaMetricsServer victoria, String... properties) {
		return runner().withPropertyValues(join(properties, "influx.url=" + victoria.url(), "influx.bucket=e2e"));
	}

	/** Adds a listener bean, which the auto-configuration registers with the writer. */
	static ApplicationContextRunner listening(ApplicationContextRunner runner, WriteListener listener) {
		return runner.withBean("e2eListener", WriteListener.class, () -> listener);
	}

	/**
	 * Retries fast enough for a test and generously enough to outlast a server restart:
	 * 50 ms doubling to 500 ms (plus up to 20 ms), up to 1000 retries within 60 s; connecting
	 * gives up after 2 s.
	 */
	static String[] fastRetries() {
		return new String[] { "influx.write.retry.min-delay=50ms", "influx.write.retry.max-delay=500ms",
				"influx.write.retry.jitter=20ms", "influx.write.retry.max-retries=1000",
				"influx.write.retry.max-retry-time=60s", "influx.connect-timeout=2s" };
	}

	private static String[] join(String[] extra, String... first) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(extra));
		return all.toArray(String[]::new);
	}

}
