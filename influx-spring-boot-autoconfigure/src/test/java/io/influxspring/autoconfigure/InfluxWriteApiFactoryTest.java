package io.influxspring.autoconfigure;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.influxspring.autoconfigure.health.InfluxHealthContributorAutoConfiguration;
import io.influxspring.autoconfigure.metrics.InfluxMetricsAutoConfiguration;
import io.influxspring.testsupport.RecordedRequest;
import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.write.Point;
import io.influxspring.write.WriteApi;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.engine.BatchingWriteApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** More than one bucket: extra writers from the factory, managed like the default one. */
class InfluxWriteApiFactoryTest {

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				InfluxAutoConfiguration.class, InfluxHealthContributorAutoConfiguration.class,
				InfluxMetricsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("spring.reactor.netty.shutdown-quiet-period=200ms", "influx.url=" + server.url(),
				"influx.org=o", "influx.bucket=main", "influx.write.flush-interval=1h", "influx.default-tags.app=shop");

	@Configuration(proxyBeanMethods = false)
	static class AuditWriter {

		@Bean
		BucketWriteApi auditWriteApi(InfluxWriteApiFactory factory) {
			return factory.create((spec) -> spec.bucket("audit")
				.precision(WritePrecision.MS)
				.options((options) -> options.batchSize(2))
				.defaultTags(Map.of("kind", "audit")));
		}

	}

	@Test
	void keepsTheDefaultWriterBesideExtraOnes() {
		this.runner.withUserConfiguration(AuditWriter.class).run((context) -> {
			assertThat(context).hasBean("influxWriteApi").hasBean("auditWriteApi");
			BatchingWriteApi main = context.getBean("influxWriteApi", BatchingWriteApi.class);
			BucketWriteApi audit = context.getBean(BucketWriteApi.class);
			assertThat(main.getPath()).isEqualTo("/api/v2/write?org=o&bucket=main&precision=ns");
			assertThat(audit.getPath()).isEqualTo("/api/v2/write?org=o&bucket=audit&precision=ms");
			assertThat(audit.getBucket()).isEqualTo("audit");
			assertThat(audit.getOptions().batchSize()).isEqualTo(2);
			assertThat(audit.getOptions().precision()).isEqualTo(WritePrecision.MS);
			main.writePoint(Point.measurement("m").field("v", 1).time(1, WritePrecision.S));
			audit.writePoint(Point.measurement("a").field("v", 2).time(1, WritePrecision.S));
			main.flush().get(5, TimeUnit.SECONDS);
			audit.flush().get(5, TimeUnit.SECONDS);
			assertThat(server.requests()).extracting(RecordedRequest::body)
				.containsExactlyInAnyOrder("m,app=shop v=1i 1000000000\n", "a,kind=audit v=2i 1000\n");
		});
	}

	@Test
	void extraWritersShareOneWebClient() {
		AtomicInteger builders = new AtomicInteger();
		this.runner.withUserConfiguration(AuditWriter.class)
			.withBean(WebClientCustomizer.class, () -> (builder) -> builders.incrementAndGet())
			.run((context) -> {
				assertThat(context.getBeansOfType(WriteApi.class)).hasSize(2);
				assertThat(context.getBeansOfType(BucketWriteApi.class)).hasSize(1);
				assertThat(builders).hasValue(1);
			});
	}

	@Test
	void extraWriterBeansHaveHealthAndMetersTaggedByBucket() {
		this.runner.withUserConfiguration(AuditWriter.class).run((context) -> {
			assertThat(context.getBean("influxHealthContributor")).isInstanceOf(CompositeReactiveHealthContributor.class);
			CompositeReactiveHealthContributor health = context.getBean("influxHealthContributor",
					CompositeReactiveHealthContributor.class);
			assertThat(health.getContributor("influxWriteApi")).isNotNull();
			assertThat(health.getContributor("auditWriteApi")).isNotNull();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("influx.write.buffer.lines").tag("bucket", "main").gauge()).isNotNull();
			assertThat(registry.find("influx.write.buffer.lines").tag("bucket", "audit").gauge()).isNotNull();
		});
	}

	@Test
	void writersMadeAtRunTimeAreMeteredAndClosedWithTheContext() {
		this.runner.run((context) -> {
			BucketWriteApi late = context.getBean(InfluxWriteApiFactory.class).create("late");
			late.writeRecord("late v=1i");
			assertThat(context.getBean(MeterRegistry.class).find("influx.write.buffer.lines").tag("bucket", "late")
				.gauge().value()).isEqualTo(1);
			assertThat(context.getBean(WriteApi.class)).isNotSameAs(late);
			context.close();
			assertThat(server.receivedLines()).containsExactly("late v=1i");
			assertThat(late.getStatistics().written()).isEqualTo(1);
		});
	}

	@Test
	void metersAreTaggedWithTheBeanNameOrTheGivenName() {
		this.runner.withUserConfiguration(AuditWriter.class).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(InfluxWriteApiFactory.class).create((spec) -> spec.bucket("main").name("reports"));
			assertThat(registry.find("influx.write.buffer.lines").tag("writer", "influxWriteApi").tag("bucket", "main")
				.gauge()).isNotNull();
			assertThat(registry.find("influx.write.buffer.lines").tag("writer", "auditWriteApi").tag("bucket", "audit")
				.gauge()).isNotNull();
			assertThat(registry.find("influx.write.buffer.lines").tag("writer", "reports").tag("bucket", "main")
				.gauge()).isNotNull();
		});
	}

	@Test
	void twoWritersForOneBucketNeverShareMeters() {
		this.runner.run((context) -> {
			InfluxWriteApiFactory factory = context.getBean(InfluxWriteApiFactory.class);
			BucketWriteApi first = factory.create("late");
			BucketWriteApi second = factory.create("late");
			first.writeRecord("late v=1i");
			second.writeRecords("late v=2i", "late v=3i");
			assertThat(second.getName()).isEqualTo("late");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("influx.write.buffer.lines").tag("writer", "late").gauge().value()).isEqualTo(1);
			assertThat(registry.get("influx.write.buffer.lines").tag("writer", "late-2").gauge().value()).isEqualTo(2);
		});
	}

	@Test
	void aWriterClosedAtRunTimeIsReleasedWithItsMeters() {
		this.runner.run((context) -> {
			InfluxWriteApiFactory factory = context.getBean(InfluxWriteApiFactory.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			BucketWriteApi late = factory.create("late");
			late.writeRecord("late v=1i");
			late.flush().get(5, TimeUnit.SECONDS);
			assertThat(registry.find("influx.write.lines").tag("writer", "late").meters()).isNotEmpty();
			await().until(() -> !registry.find("influx.write.requests").tag("writer", "late").meters().isEmpty());
			late.close();
			assertThat(registry.find("influx.write.lines").tag("writer", "late").meters()).isEmpty();
			assertThat(registry.find("influx.write.requests").tag("writer", "late").meters()).isEmpty();
			assertThat(registry.find("influx.write.buffer.lines").tag("writer", "late").meters()).isEmpty();
			assertThat(factory.getCreated()).doesNotContain(late);
			BucketWriteApi again = factory.create("late");
			again.writeRecords("late v=2i", "late v=3i");
			assertThat(registry.get("influx.write.buffer.lines").tag("writer", "late").gauge().value()).isEqualTo(2);
			WeakReference<BucketWriteApi> released = new WeakReference<>(late);
			late = null;
			await().until(() -> {
				System.gc();
				return released.get() == null;
			});
		});
	}

}
