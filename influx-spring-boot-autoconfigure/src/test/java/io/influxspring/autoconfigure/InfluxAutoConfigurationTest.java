package io.influxspring.autoconfigure;

import org.springframework.context.SmartLifecycle;
import org.springframework.boot.context.properties.bind.BindException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.influxspring.testsupport.RecordedRequest;
import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.testsupport.StubResponse;
import io.influxspring.write.InfluxApiVersion;
import io.influxspring.write.OverflowPolicy;
import io.influxspring.write.Point;
import io.influxspring.write.WriteApi;
import io.influxspring.write.WriteFailure;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.WriteRetry;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.lineprotocol.LineProtocolDialect;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

@ExtendWith(OutputCaptureExtension.class)
class InfluxAutoConfigurationTest {

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withPropertyValues("spring.reactor.netty.shutdown-quiet-period=200ms")
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				InfluxAutoConfiguration.class));

	private ApplicationContextRunner withServer(String... properties) {
		return this.runner.withPropertyValues("influx.url=" + server.url(), "influx.token=s3cr3t", "influx.org=my org",
				"influx.bucket=b", "influx.write.flush-interval=1h", "influx.write.retry.min-delay=10ms",
				"influx.write.retry.jitter=0ms")
			.withPropertyValues(properties);
	}

	@Test
	void backsOffWithoutUrl() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(WriteApi.class);
			assertThat(context).doesNotHaveBean(InfluxConnectionDetails.class);
		});
	}

	@Test
	void createsAWriteApiForV2() {
		withServer().run((context) -> {
			assertThat(context).hasSingleBean(WriteApi.class).hasSingleBean(InfluxConnectionDetails.class);
			BatchingWriteApi writeApi = context.getBean(BatchingWriteApi.class);
			assertThat(writeApi.getPath()).isEqualTo("/api/v2/write?org=my%20org&bucket=b&precision=ns");
			assertThat(writeApi.getUrl()).isEqualTo(server.url());
			assertThat(writeApi.getOptions().batchSize()).isEqualTo(5000);
			assertThat(writeApi.getOptions().closeTimeout()).isEqualTo(Duration.ofSeconds(30));
			writeApi.writeRecord("m v=1i");
			writeApi.flush().get(5, TimeUnit.SECONDS);
			RecordedRequest request = server.requests().get(0);
			assertThat(request.header("Authorization")).isEqualTo("Token s3cr3t");
			assertThat(request.target()).isEqualTo("/api/v2/write?org=my%20org&bucket=b&precision=ns");
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			v2 | ns | influx.org-id=0123456789abcdef      | /api/v2/write?orgID=0123456789abcdef&bucket=b&precision=ns
			v1 | us | influx.retention-policy=autogen      | /write?db=d&rp=autogen&precision=u
			v1 | ms | influx.username=u                    | /write?db=d&precision=ms
			v3 | s  | influx.write.no-sync=true            | /api/v3/write_lp?db=d&precision=second&accept_partial=true&no_sync=true
			""")
	void buildsThePathOfEachApiVersion(String version, String precision, String extra, String path) {
		this.runner
			.withPropertyValues("influx.url=" + server.url(), "influx.api-version=" + version,
					"influx.precision=" + precision, "influx.bucket=b", "influx.database=d", extra)
			.run((context) -> assertThat(context.getBean(WriteApi.class).getPath()).isEqualTo(path));
	}

	@Test
	void authenticatesV1WithBasicAndV3WithBearer() {
		this.runner
			.withPropertyValues("influx.url=" + server.url(), "influx.api-version=v1", "influx.database=d",
					"influx.username=user", "influx.password=pa:ss")
			.run((context) -> {
				WriteApi writeApi = context.getBean(WriteApi.class);
				writeApi.writeRecord("m v=1i");
				writeApi.flush().get(5, TimeUnit.SECONDS);
				assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Basic dXNlcjpwYTpzcw==");
			});
		this.runner
			.withPropertyValues("influx.url=" + server.url(), "influx.api-version=v3", "influx.database=d",
					"influx.token=t")
			.run((context) -> {
				WriteApi writeApi = context.getBean(WriteApi.class);
				writeApi.writeRecord("m v=1i");
				writeApi.flush().get(5, TimeUnit.SECONDS);
				assertThat(server.requests().get(1).header("Authorization")).isEqualTo("Bearer t");
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			influx.bucket=                         | influx.bucket
			influx.url=localhost:8086              | influx.url
			influx.url=ftp://host                  | influx.url
			influx.url=http://user:pw@host:8086    | influx.url
			influx.write.batch-size=-1             | influx.write.batch-size
			influx.write.buffer-limit=10           | influx.write.buffer-limit
			influx.write.buffer-memory=1MB         | influx.write.buffer-memory
			influx.write.max-concurrent-requests=0 | influx.write.max-concurrent-requests
			influx.write.flush-interval=0s         | influx.write.flush-interval
			influx.write.retry.max-retries=-2      | influx.write.retry.max-retries
			influx.write.retry.exponential-base=0.5 | influx.write.retry.exponential-base
			influx.org-id=abc                      | influx.org-id
			influx.connect-timeout=-1s             | influx.connect-timeout
			""")
	void failsAtStartupNamingTheProperty(String setting, String property) {
		withServer(setting).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.satisfies((ex) -> assertThat(((InvalidConfigurationPropertyValueException) ex).getName())
					.isEqualTo(property));
			assertThat(context.getStartupFailure()).rootCause().message().doesNotContain("s3cr3t");
		});
	}

	@ParameterizedTest
	@CsvSource({ "influx.precision=minutes, influx.precision", "influx.write.overflow=sometimes, influx.write.overflow",
			"influx.api-version=v9, influx.api-version" })
	void failsAtStartupOnUnknownEnumValues(String setting, String property) {
		withServer(setting).run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (cause != null && !(cause instanceof BindException)) {
				cause = cause.getCause();
			}
			assertThat(cause).isNotNull();
			assertThat(((BindException) cause).getProperty().getName())
				.hasToString(property);
		});
	}

	@Test
	void requiresADatabaseForV1AndV3() {
		this.runner.withPropertyValues("influx.url=" + server.url(), "influx.api-version=v1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("influx.database");
		});
	}

	@Test
	void bindsEveryWriteProperty() {
		withServer("influx.write.batch-size=10", "influx.write.max-batch-bytes=1KB", "influx.write.jitter=5ms",
				"influx.write.buffer-limit=100", "influx.write.buffer-memory=3KB", "influx.write.overflow=drop-newest", "influx.write.block-timeout=2s",
				"influx.write.max-concurrent-requests=3", "influx.write.gzip-threshold=2KB",
				"influx.write.close-timeout=7s", "influx.write.retry.max-retries=9", "influx.write.retry.min-delay=1s",
				"influx.write.retry.max-delay=8s", "influx.write.retry.exponential-base=3",
				"influx.write.retry.jitter=1ms", "influx.write.retry.max-retry-time=1m", "influx.precision=ms",
				"influx.write.client-timestamps=false", "influx.write.line-protocol=portable")
			.run((context) -> {
				var options = context.getBean(BatchingWriteApi.class).getOptions();
				assertThat(options.clientTimestamps()).isFalse();
				assertThat(options.lineProtocol()).isEqualTo(LineProtocolDialect.PORTABLE);
				assertThat(options.batchSize()).isEqualTo(10);
				assertThat(options.maxBatchBytes()).isEqualTo(1024);
				assertThat(options.flushInterval()).isEqualTo(Duration.ofHours(1));
				assertThat(options.jitter()).isEqualTo(Duration.ofMillis(5));
				assertThat(options.bufferLimit()).isEqualTo(100);
				assertThat(options.bufferMemory()).isEqualTo(3072);
				assertThat(options.overflow()).isEqualTo(OverflowPolicy.DROP_NEWEST);
				assertThat(options.blockTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(options.maxConcurrentRequests()).isEqualTo(3);
				assertThat(options.gzipThreshold()).isEqualTo(2048);
				assertThat(options.closeTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(options.maxRetries()).isEqualTo(9);
				assertThat(options.minRetryDelay()).isEqualTo(Duration.ofSeconds(1));
				assertThat(options.maxRetryDelay()).isEqualTo(Duration.ofSeconds(8));
				assertThat(options.exponentialBase()).isEqualTo(3);
				assertThat(options.retryJitter()).isEqualTo(Duration.ofMillis(1));
				assertThat(options.maxRetryTime()).isEqualTo(Duration.ofMinutes(1));
				assertThat(options.precision()).isEqualTo(WritePrecision.MS);
			});
	}

	@Test
	void appliesDefaultTagsFromProperties() {
		withServer("influx.default-tags.app=shop", "influx.default-tags.region=eu").run((context) -> {
			WriteApi writeApi = context.getBean(WriteApi.class);
			writeApi.writePoint(Point.measurement("m").field("v", 1));
			writeApi.flush().get(5, TimeUnit.SECONDS);
			assertThat(server.receivedLines()).singleElement(InstanceOfAssertFactories.STRING)
				.matches("m,app=shop,region=eu v=1i \\d{19}");
		});
	}

	@Test
	void aUserWriteApiWins() {
		withServer().withUserConfiguration(UserWriteApi.class).run((context) -> {
			assertThat(context).hasSingleBean(WriteApi.class).doesNotHaveBean(BatchingWriteApi.class);
			assertThat(context.getBean(WriteApi.class)).isSameAs(context.getBean(UserWriteApi.class).writeApi);
		});
	}

	@Test
	void connectionDetailsBeanReplacesTheProperties() {
		this.runner.withBean(InfluxConnectionDetails.class, () -> new InfluxConnectionDetails() {

			@Override
			public String getUrl() {
				return server.url();
			}

			@Override
			public String getBucket() {
				return "from-details";
			}

		}).withPropertyValues("influx.bucket=from-properties").run((context) -> {
			assertThat(context).hasSingleBean(InfluxConnectionDetails.class);
			assertThat(context.getBean(WriteApi.class).getPath()).contains("bucket=from-details");
		});
	}

	@Test
	void theApiVersionOfConnectionDetailsWinsOverTheProperty() {
		this.runner.withBean(InfluxConnectionDetails.class, () -> new InfluxConnectionDetails() {

			@Override
			public String getUrl() {
				return server.url();
			}

			@Override
			public String getDatabase() {
				return "from-container";
			}

			@Override
			public InfluxProperties.ApiVersion getApiVersion() {
				return InfluxProperties.ApiVersion.V1;
			}

		}).withPropertyValues("influx.api-version=v2").run((context) -> assertThat(context.getBean(WriteApi.class).getPath())
			.isEqualTo("/write?db=from-container&precision=ns"));
	}

	@Test
	void theClientsApiVersionOfConnectionDetailsWinsOverTheOldOneAndTheProperty() {
		this.runner.withBean(InfluxConnectionDetails.class, () -> new InfluxConnectionDetails() {

			@Override
			public String getUrl() {
				return server.url();
			}

			@Override
			public String getDatabase() {
				return "from-container";
			}

			@Override
			public InfluxApiVersion getWriteApiVersion() {
				return InfluxApiVersion.V3;
			}

			@Override
			@SuppressWarnings("deprecation")
			public InfluxProperties.ApiVersion getApiVersion() {
				return InfluxProperties.ApiVersion.V1;
			}

		}).withPropertyValues("influx.api-version=v2").run((context) -> assertThat(context.getBean(WriteApi.class).getPath())
			.isEqualTo("/api/v3/write_lp?db=from-container&precision=nanosecond&accept_partial=true&no_sync=false"));
	}

	@Test
	void usesBootsWebClientBuilderWithItsCustomizers() {
		withServer().withBean(WebClientCustomizer.class, () -> (builder) -> builder.defaultHeader("X-Custom", "yes"))
			.run((context) -> {
				WriteApi writeApi = context.getBean(WriteApi.class);
				writeApi.writeRecord("m v=1i");
				writeApi.flush().get(5, TimeUnit.SECONDS);
				assertThat(server.requests().get(0).header("X-Custom")).isEqualTo("yes");
			});
	}

	@Test
	void appliesTheResponseTimeout() {
		server.enqueue(StubResponse.noContent().delay(Duration.ofSeconds(3)));
		List<WriteRetry> retries = new CopyOnWriteArrayList<>();
		withServer("influx.response-timeout=200ms")
			.withBean(WriteListener.class, () -> new WriteListener() {
				@Override
				public void onRetry(WriteRetry event) {
					retries.add(event);
				}
			})
			.run((context) -> {
				WriteApi writeApi = context.getBean(WriteApi.class);
				writeApi.writeRecord("m v=1i");
				writeApi.flush().get(10, TimeUnit.SECONDS);
				assertThat(retries).singleElement()
					.satisfies((retry) -> assertThat(retry.reason()).hasMessageContaining("Timeout"));
			});
	}

	@Test
	void listenerBeansHearFailuresAndTheTokenStaysOutOfLogs(CapturedOutput output) {
		server.enqueue(StubResponse.status(401).jsonBody("{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}"));
		List<WriteFailure> failures = new CopyOnWriteArrayList<>();
		withServer().withBean(WriteListener.class, () -> new WriteListener() {
			@Override
			public void onFailure(WriteFailure event) {
				failures.add(event);
			}
		}).run((context) -> {
			WriteApi writeApi = context.getBean(WriteApi.class);
			writeApi.writeRecord("m v=1i");
			assertThat(writeApi.flush()).failsWithin(Duration.ofSeconds(5));
			await().until(() -> failures.size() == 1);
			assertThat(failures.get(0).reason()).hasMessageContaining("401").hasMessageContaining("unauthorized access");
			assertThat(writeApi.toString()).doesNotContain("s3cr3t");
			assertThat(context.getBean(InfluxConnectionDetails.class).toString()).doesNotContain("s3cr3t");
		});
		assertThat(output).contains("unauthorized access").doesNotContain("s3cr3t");
	}

	@Test
	void flushesOnRefreshAndClosesOnShutdown() {
		withServer().withBean(StartupWriter.class).run((context) -> {
			await().until(() -> server.receivedLines().contains("startup v=1i"));
			WriteApi writeApi = context.getBean(WriteApi.class);
			writeApi.writeRecord("late v=2i");
			assertThat(server.receivedLines()).doesNotContain("late v=2i");
			context.close();
			assertThat(server.receivedLines()).contains("late v=2i");
		});
	}

	@Test
	void lifecycleStopsAfterTheWebServerAndBeforeReactorResources() {
		assertThat(InfluxWriteApiLifecycle.PHASE).isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048)
			.isGreaterThan(0);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserWriteApi {

		final WriteApi writeApi = mock(WriteApi.class);

		@Bean
		WriteApi customWriteApi() {
			return this.writeApi;
		}

	}

	static class StartupWriter {

		StartupWriter(WriteApi writeApi) {
			writeApi.writeRecord("startup v=1i");
		}

	}

}
