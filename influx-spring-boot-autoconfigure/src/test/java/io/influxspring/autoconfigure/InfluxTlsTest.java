package io.influxspring.autoconfigure;

import org.springframework.context.ApplicationContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.influxspring.autoconfigure.health.InfluxHealthContributorAutoConfiguration;
import io.influxspring.testsupport.InfluxDb1Server;
import io.influxspring.testsupport.TestCertificate;
import io.influxspring.write.InfluxWriteException;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes over HTTPS to a real InfluxDB 1.6 whose certificate the test generates. */
class InfluxTlsTest {

	private static final TestCertificate certificate = TestCertificate.generate();

	@RegisterExtension
	static final InfluxDb1Server influx = new InfluxDb1Server(certificate);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				InfluxAutoConfiguration.class, InfluxHealthContributorAutoConfiguration.class))
		.withPropertyValues("spring.reactor.netty.shutdown-quiet-period=200ms", "influx.url=" + influx.url(),
				"influx.api-version=v1", "influx.database=tls", "influx.write.flush-interval=1h",
				"influx.write.retry.min-delay=10ms", "influx.write.retry.max-retries=1");

	private static Status health(ApplicationContext context) {
		return context.getBean("influxHealthContributor", ReactiveHealthIndicator.class)
			.health()
			.block(Duration.ofSeconds(10))
			.getStatus();
	}

	@Test
	void writesThroughTheSslBundleThatTrustsTheServer() {
		assertThat(influx.url()).startsWith("https://");
		influx.createDatabase("tls");
		this.runner
			.withPropertyValues("spring.ssl.bundle.pem.influx.truststore.certificate=file:" + certificate.certificateFile(),
					"influx.ssl.bundle=influx")
			.run((context) -> {
				BatchingWriteApi writeApi = context.getBean(BatchingWriteApi.class);
				for (int i = 0; i < 100; i++) {
					writeApi.writeRecord("secure v=" + i + "i " + i);
				}
				writeApi.flush().get(10, TimeUnit.SECONDS);
				assertThat(health(context)).isEqualTo(Status.UP);
			});
		assertThat(influx.count("tls", "secure")).isEqualTo(100);
	}

	@Test
	void failsClearlyWhenTheServerIsNotTrusted() {
		this.runner.run((context) -> {
			BatchingWriteApi writeApi = context.getBean(BatchingWriteApi.class);
			writeApi.writeRecords("untrusted v=1i", "untrusted v=2i");
			assertThat(writeApi.flush()).failsWithin(Duration.ofSeconds(10))
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(InfluxWriteException.class)
				.withMessageContaining("SSLHandshakeException")
				.withMessageContaining(influx.url());
			WriteStatistics statistics = writeApi.getStatistics();
			assertThat(statistics.failed()).isEqualTo(2);
			assertThat(statistics.written() + statistics.failed() + statistics.dropped() + statistics.buffered())
				.isEqualTo(statistics.offered());
			assertThat(health(context)).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void failsAtStartupOnAnUnknownBundle() {
		this.runner.withPropertyValues("influx.ssl.bundle=missing").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InfluxConfigurationException.class)
				.hasMessageContaining("influx.ssl.bundle");
		});
	}

}
