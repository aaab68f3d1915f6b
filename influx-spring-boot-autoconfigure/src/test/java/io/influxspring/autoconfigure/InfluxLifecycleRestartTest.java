package io.influxspring.autoconfigure;

import java.util.concurrent.TimeUnit;

import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.write.WriteApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code stop()} then {@code start()} of the context (a lifecycle restart, CRaC) leaves a working writer. */
class InfluxLifecycleRestartTest {

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				InfluxAutoConfiguration.class))
		.withPropertyValues("influx.url=" + server.url(), "influx.bucket=b", "influx.write.flush-interval=1h");

	@Test
	void aStoppedAndRestartedContextKeepsWritingAndSendsWhatWasWrittenWhileStopped() {
		this.runner.run((context) -> {
			WriteApi writeApi = context.getBean(WriteApi.class);
			writeApi.writeRecord("before v=1i");
			context.stop();
			assertThat(server.receivedLines()).as("stopping delivers what was written").containsExactly("before v=1i");
			writeApi.writeRecord("stopped v=2i");
			context.start();
			writeApi.writeRecord("after v=3i");
			writeApi.flush().get(10, TimeUnit.SECONDS);
			assertThat(server.receivedLines()).containsExactlyInAnyOrder("before v=1i", "stopped v=2i", "after v=3i");
		});
	}

	@Test
	void writersOfTheFactoryKeepWritingAfterARestart() {
		this.runner.withUserConfiguration(AuditWriter.class).run((context) -> {
				BucketWriteApi audit = context.getBean(BucketWriteApi.class);
				BucketWriteApi late = context.getBean(InfluxWriteApiFactory.class).create("late");
				audit.writeRecord("audit v=1i");
				late.writeRecord("late v=1i");
				context.stop();
				assertThat(server.receivedLines()).as("stopping delivers what was written")
					.containsExactlyInAnyOrder("audit v=1i", "late v=1i");
				audit.writeRecord("audit v=2i");
				context.start();
				late.writeRecord("late v=3i");
				audit.flush().get(10, TimeUnit.SECONDS);
				late.flush().get(10, TimeUnit.SECONDS);
				assertThat(server.receivedLines()).containsExactlyInAnyOrder("audit v=1i", "late v=1i", "audit v=2i",
						"late v=3i");
				assertThat(server.requests()).allSatisfy((request) -> assertThat(request.target())
					.containsAnyOf("bucket=audit", "bucket=late"));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class AuditWriter {

		@Bean
		BucketWriteApi auditWriteApi(InfluxWriteApiFactory factory) {
			return factory.create("audit");
		}

	}

}
