package io.influxspring.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.write.Point;
import io.influxspring.write.WriteApi;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.WriteSuccess;
import io.influxspring.write.engine.BatchingWriteApiBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link InfluxWriteApiBuilderCustomizer} beans, applied in order to every writer the starter makes. */
class InfluxWriteApiBuilderCustomizerTest {

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				InfluxAutoConfiguration.class))
		.withPropertyValues("spring.reactor.netty.shutdown-quiet-period=200ms", "influx.url=" + server.url(),
				"influx.bucket=main", "influx.write.flush-interval=1h", "influx.default-tags.app=shop");

	@Test
	void customizersAreAppliedInOrderToTheDefaultWriterAndToTheFactorysWriters() {
		List<String> applied = new CopyOnWriteArrayList<>();
		List<WriteSuccess> successes = new CopyOnWriteArrayList<>();
		WriteListener listener = new WriteListener() {
			@Override
			public void onSuccess(WriteSuccess event) {
				successes.add(event);
			}
		};
		this.runner
			.withBean("late", InfluxWriteApiBuilderCustomizer.class,
					() -> new OrderedCustomizer(2, applied, (builder) -> builder.defaultTags(Map.of("site", "late"))))
			.withBean("early", InfluxWriteApiBuilderCustomizer.class, () -> new OrderedCustomizer(1, applied,
					(builder) -> builder.defaultTags(Map.of("site", "early")).listener(listener)))
			.run((context) -> {
				WriteApi main = context.getBean(WriteApi.class);
				BucketWriteApi audit = context.getBean(InfluxWriteApiFactory.class).create("audit");
				assertThat(applied).containsExactly("1", "2", "1", "2");
				main.writePoint(Point.measurement("m").field("v", 1).time(1, WritePrecision.S));
				audit.writePoint(Point.measurement("a").field("v", 2).time(1, WritePrecision.S));
				main.flush().get(5, TimeUnit.SECONDS);
				audit.flush().get(5, TimeUnit.SECONDS);
				assertThat(server.receivedLines()).containsExactlyInAnyOrder("m,site=late v=1i 1000000000",
						"a,site=late v=2i 1000000000");
				assertThat(successes).hasSize(2);
			});
	}

	@Test
	void withoutCustomizersTheWritersAreConfiguredByTheProperties() {
		this.runner.run((context) -> {
			WriteApi main = context.getBean(WriteApi.class);
			main.writePoint(Point.measurement("m").field("v", 1).time(1, WritePrecision.S));
			main.flush().get(5, TimeUnit.SECONDS);
			assertThat(server.receivedLines()).containsExactly("m,app=shop v=1i 1000000000");
		});
	}

	/** Records its order when applied, then customizes. */
	static final class OrderedCustomizer implements InfluxWriteApiBuilderCustomizer, Ordered {

		private final int order;

		private final List<String> applied;

		private final InfluxWriteApiBuilderCustomizer delegate;

		OrderedCustomizer(int order, List<String> applied, InfluxWriteApiBuilderCustomizer delegate) {
			this.order = order;
			this.applied = applied;
			this.delegate = delegate;
		}

		@Override
		public void customize(BatchingWriteApiBuilder builder) {
			this.applied.add(String.valueOf(this.order));
			this.delegate.customize(builder);
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

}
