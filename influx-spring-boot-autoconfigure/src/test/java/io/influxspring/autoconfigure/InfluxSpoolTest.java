package io.influxspring.autoconfigure;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.testsupport.StubResponse;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.spool.BatchSpool;
import io.influxspring.write.spool.SpoolSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code influx.write.spool.*}: the auto-configured writer spools, and a directory in use fails at startup. */
class InfluxSpoolTest {

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	@TempDir
	Path directory;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					InfluxAutoConfiguration.class))
			.withPropertyValues("spring.reactor.netty.shutdown-quiet-period=200ms", "influx.url=" + server.url(),
					"influx.bucket=main", "influx.write.flush-interval=1h", "influx.write.close-timeout=0s",
					"influx.write.retry.min-delay=1h", "influx.write.spool.directory=" + this.directory,
					"influx.write.spool.fsync=false");
	}

	@Test
	void linesTheContextClosedOnAreSentByTheNextOne() {
		server.setDefaultResponse(StubResponse.status(503));
		runner().run((context) -> {
			BatchingWriteApi writeApi = context.getBean(BatchingWriteApi.class);
			writeApi.writeRecords("m v=1i", "m v=2i");
			writeApi.flush();
			await().until(() -> writeApi.getStatistics().spooledLines() == 2);
		});
		server.reset();
		runner().run((context) -> {
			BatchingWriteApi writeApi = context.getBean(BatchingWriteApi.class);
			writeApi.flush().get(10, TimeUnit.SECONDS);
			assertThat(writeApi.getStatistics().replayed()).isEqualTo(2);
			assertThat(server.receivedLines()).containsExactly("m v=1i", "m v=2i");
		});
	}

	@Test
	void aDirectoryInUseFailsAtStartupNamingTheProperty() throws Exception {
		try (BatchSpool held = BatchSpool.open(this.directory, SpoolSettings.defaults())) {
			runner().run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("influx.write.spool.directory")
					.hasMessageContaining(this.directory.toString());
			});
		}
	}

}
