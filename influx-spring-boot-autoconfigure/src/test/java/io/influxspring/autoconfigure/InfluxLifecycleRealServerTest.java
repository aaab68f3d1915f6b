package io.influxspring.autoconfigure;

import io.influxspring.write.WritePrecision;
import io.influxspring.testsupport.InfluxDb1Server;
import io.influxspring.write.Point;
import io.influxspring.write.WriteApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** The managed writer against a real InfluxDB 1.6: what is written just before shutdown is stored. */
class InfluxLifecycleRealServerTest {

	@RegisterExtension
	static final InfluxDb1Server influx = new InfluxDb1Server();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				InfluxAutoConfiguration.class));

	@Test
	void linesWrittenJustBeforeCloseReachTheServer() {
		influx.createDatabase("lifecycle");
		this.runner
			.withPropertyValues("influx.url=" + influx.url(), "influx.api-version=v1", "influx.database=lifecycle",
					"influx.write.flush-interval=1h", "influx.default-tags.app=test")
			.run((context) -> {
				WriteApi writeApi = context.getBean(WriteApi.class);
				for (int i = 0; i < 12_345; i++) {
					writeApi.writePoint(Point.measurement("shutdown").tag("n", Integer.toString(i % 7)).field("i", i)
						.time(i, WritePrecision.S));
				}
				context.close();
			});
		assertThat(influx.query("lifecycle", "SELECT count(i) FROM shutdown")).singleElement()
			.satisfies((row) -> assertThat(((Number) row.get(1)).longValue()).isEqualTo(12_345));
		assertThat(influx.query("lifecycle", "SHOW TAG VALUES FROM shutdown WITH KEY = app")).singleElement()
			.satisfies((row) -> assertThat(row.get(1)).isEqualTo("test"));
	}

}
