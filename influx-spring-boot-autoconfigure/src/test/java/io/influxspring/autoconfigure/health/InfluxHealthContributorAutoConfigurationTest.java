package io.influxspring.autoconfigure.health;

import reactor.core.publisher.Mono;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.influxspring.autoconfigure.InfluxAutoConfiguration;
import io.influxspring.health.InfluxHealthIndicator;
import io.influxspring.testsupport.InfluxDb1Server;
import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.testsupport.StubResponse;
import io.influxspring.write.WriteFailure;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.engine.BatchingWriteApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class InfluxHealthContributorAutoConfigurationTest {

	@RegisterExtension
	static final InfluxDb1Server influx = new InfluxDb1Server();

	@RegisterExtension
	static final StubInfluxServer stub = new StubInfluxServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withPropertyValues("spring.reactor.netty.shutdown-quiet-period=200ms")
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				InfluxAutoConfiguration.class, InfluxHealthContributorAutoConfiguration.class));

	private ApplicationContextRunner withInflux(String... properties) {
		return this.runner.withPropertyValues("influx.url=" + influx.url(), "influx.api-version=v1",
				"influx.database=health", "influx.write.flush-interval=1h").withPropertyValues(properties);
	}

	private static Health health(ReactiveHealthContributor contributor) {
		return ((ReactiveHealthIndicator) contributor).health().block(Duration.ofSeconds(10));
	}

	@Test
	void isUpWithTheServersVersionAndTheWritersState() {
		withInflux().run((context) -> {
			assertThat(context).hasBean("influxHealthContributor");
			Health health = health(context.getBean("influxHealthContributor", ReactiveHealthContributor.class));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("url", influx.url())
				.containsEntry("linesBuffered", 0L)
				.containsEntry("bytesBuffered", 0L)
				.containsEntry("linesWaitingForRetry", 0L)
				.containsKey("version");
			assertThat((String) health.getDetails().get("version")).startsWith("1.6");
		});
	}

	@Test
	void isDownWhenTheServerDoesNotAnswer() {
		StubInfluxServer stopped = new StubInfluxServer().start();
		String url = stopped.url();
		stopped.close();
		this.runner.withPropertyValues("influx.url=" + url, "influx.bucket=b", "management.health.influx.timeout=1s")
			.run((context) -> {
				Health health = health(context.getBean("influxHealthContributor", ReactiveHealthContributor.class));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("url", url).containsKey("error");
			});
	}

	@Test
	void turnsDownWhenTheRealServerIsKilledAndUpWhenItIsBack() {
		try (InfluxDb1Server own = new InfluxDb1Server()) {
			own.start();
			this.runner.withPropertyValues("influx.url=" + own.url(), "influx.api-version=v1", "influx.database=d")
				.run((context) -> {
					ReactiveHealthContributor contributor = context.getBean("influxHealthContributor",
							ReactiveHealthContributor.class);
					assertThat(health(contributor).getStatus()).isEqualTo(Status.UP);
					own.kill();
					Health down = health(contributor);
					assertThat(down.getStatus()).isEqualTo(Status.DOWN);
					assertThat(down.getDetails()).containsKey("error").containsEntry("url", own.url());
					own.restart();
					assertThat(health(contributor).getStatus()).isEqualTo(Status.UP);
				});
		}
	}

	@Test
	void isDownWhenPingTimesOut() {
		stub.enqueue(StubResponse.noContent().delay(Duration.ofSeconds(3)));
		this.runner.withPropertyValues("influx.url=" + stub.url(), "influx.bucket=b", "management.health.influx.timeout=200ms")
			.run((context) -> assertThat(health(context.getBean("influxHealthContributor", ReactiveHealthContributor.class))
				.getStatus()).isEqualTo(Status.DOWN));
	}

	@Test
	void reportsTheWriteFailureStatusWhenWritesKeepFailingWhilePingAnswers() {
		withInflux("influx.database=does_not_exist", "management.health.influx.write-failure-threshold=0s",
				"management.health.influx.write-failure-status=OUT_OF_SERVICE")
			.run((context) -> {
				BatchingWriteApi writeApi = context.getBean(BatchingWriteApi.class);
				writeApi.writeRecord("m v=1i");
				assertThat(writeApi.flush()).failsWithin(Duration.ofSeconds(10));
				Health health = health(context.getBean("influxHealthContributor", ReactiveHealthContributor.class));
				assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				assertThat(health.getDetails()).containsKey("writesFailingSince").containsKey("lastFailureTime");
				assertThat((String) health.getDetails().get("lastFailureMessage")).contains("database not found");
			});
	}

	@Test
	void staysUpWhileFailuresAreYoungerThanTheThreshold() {
		withInflux("influx.database=does_not_exist").run((context) -> {
			BatchingWriteApi writeApi = context.getBean(BatchingWriteApi.class);
			writeApi.writeRecord("m v=1i");
			assertThat(writeApi.flush()).failsWithin(Duration.ofSeconds(10));
			Health health = health(context.getBean("influxHealthContributor", ReactiveHealthContributor.class));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsKey("lastFailureMessage").doesNotContainKey("writesFailingSince");
		});
	}

	@Test
	void reportsTheServersReasonWithoutTheRefusedLines() {
		influx.createDatabase("health");
		List<WriteFailure> failures = new CopyOnWriteArrayList<>();
		withInflux().withBean(WriteListener.class, () -> new WriteListener() {
			@Override
			public void onFailure(WriteFailure event) {
				failures.add(event);
			}
		}).run((context) -> {
			BatchingWriteApi writeApi = context.getBean(BatchingWriteApi.class);
			writeApi.writeRecords(List.of("m,host=s3cr3t v=x 1", "m v=1i 2"));
			writeApi.flush().handle((result, ex) -> null).get(10, TimeUnit.SECONDS);
			Health health = health(context.getBean("influxHealthContributor", ReactiveHealthContributor.class));
			String message = (String) health.getDetails().get("lastFailureMessage");
			assertThat(message).contains("unable to parse '…'").doesNotContain("s3cr3t").doesNotContain("v=x");
			assertThat(writeApi.getStatistics().lastFailureMessage()).isEqualTo(message);
			assertThat(failures).singleElement()
				.satisfies((failure) -> assertThat(failure.reason().getMessage()).contains("m,host=s3cr3t v=x 1"));
		});
	}

	@Test
	void capsTheLastFailureMessage() {
		stub.enqueue(StubResponse.status(400)
			.jsonBody("{\"code\":\"invalid\",\"message\":\"" + "bad data ".repeat(100) + "\"}"));
		this.runner.withPropertyValues("influx.url=" + stub.url(), "influx.bucket=b", "influx.write.flush-interval=1h")
			.run((context) -> {
				BatchingWriteApi writeApi = context.getBean(BatchingWriteApi.class);
				writeApi.writeRecord("m v=1i");
				assertThat(writeApi.flush()).failsWithin(Duration.ofSeconds(10));
				Health health = health(context.getBean("influxHealthContributor", ReactiveHealthContributor.class));
				assertThat((String) health.getDetails().get("lastFailureMessage")).hasSizeLessThanOrEqualTo(256)
					.contains("answered 400: bad data")
					.endsWith("…");
			});
	}

	@Test
	void isACompositeForSeveralWriters() {
		this.runner.withBean("first", BatchingWriteApi.class, () -> writer())
			.withBean("second", BatchingWriteApi.class, () -> writer())
			.run((context) -> {
				ReactiveHealthContributor contributor = context.getBean("influxHealthContributor",
						ReactiveHealthContributor.class);
				assertThat(contributor).isInstanceOf(CompositeReactiveHealthContributor.class);
				CompositeReactiveHealthContributor composite = (CompositeReactiveHealthContributor) contributor;
				assertThat(composite.getContributor("first")).isInstanceOf(InfluxHealthIndicator.class);
				assertThat(composite.getContributor("second")).isInstanceOf(InfluxHealthIndicator.class);
			});
	}

	@Test
	void canBeDisabled() {
		withInflux("management.health.influx.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("influxHealthContributor"));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		withInflux().withClassLoader(new FilteredClassLoader(ReactiveHealthContributor.class)).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(BatchingWriteApi.class);
			assertThat(context).doesNotHaveBean("influxHealthContributor");
		});
	}

	@Test
	void backsOffWithoutWriter() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("influxHealthContributor"));
	}

	@Test
	void aUserContributorWins() {
		ReactiveHealthIndicator own = () -> Mono.just(Health.up().build());
		withInflux().withBean("influxHealthContributor", ReactiveHealthContributor.class, () -> own)
			.run((context) -> assertThat(context.getBean("influxHealthContributor")).isSameAs(own));
	}

	private static BatchingWriteApi writer() {
		return BatchingWriteApi.builder(WebClient.create(), influx.url())
			.path("/write?db=x")
			.options(WriteOptions.DEFAULTS)
			.build();
	}

}
