package io.influxspring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.testsupport.StubResponse;
import io.influxspring.write.WriteApi;
import io.influxspring.write.WriteDrop;
import io.influxspring.write.WriteFailure;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteSuccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Write signals reach {@code @EventListener} methods. */
class InfluxWriteEventsTest {

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InfluxAutoConfiguration.class))
		.withPropertyValues("influx.url=" + server.url(), "influx.bucket=b", "influx.write.flush-interval=1h",
				"influx.write.batch-size=5", "influx.write.buffer-limit=5", "influx.write.max-concurrent-requests=1")
		.withBean(Events.class);

	static class Events {

		final List<Object> received = new CopyOnWriteArrayList<>();

		@EventListener
		void failed(WriteFailure event) {
			this.received.add(event);
		}

		@EventListener
		void dropped(WriteDrop event) {
			this.received.add(event);
		}

		@EventListener
		void succeeded(WriteSuccess event) {
			this.received.add(event);
		}

	}

	@Test
	void publishesFailuresAndDrops() {
		server.enqueue(StubResponse.status(400), StubResponse.noContent().delay(Duration.ofMillis(500)));
		this.runner.withPropertyValues("influx.write.overflow=drop-newest").run((context) -> {
			WriteApi writeApi = context.getBean(WriteApi.class);
			writeApi.writeRecord("m v=1i");
			assertThat(writeApi.flush()).failsWithin(Duration.ofSeconds(5));
			writeApi.writeRecords("m v=1i", "m v=2i", "m v=3i", "m v=4i", "m v=5i");
			writeApi.writeRecord("m v=6i");
			Events events = context.getBean(Events.class);
			await().until(() -> events.received.size() == 2);
			assertThat(events.received).hasExactlyElementsOfTypes(WriteFailure.class, WriteDrop.class);
		});
	}

	@Test
	void publishesSuccessesOnlyWhenAskedTo() {
		this.runner.run((context) -> {
			context.getBean(WriteApi.class).writeRecord("m v=1i");
			context.getBean(WriteApi.class).flush().get();
			assertThat(context.getBean(Events.class).received).isEmpty();
		});
		this.runner.withPropertyValues("influx.events.publish-successes=true").run((context) -> {
			context.getBean(WriteApi.class).writeRecord("m v=1i");
			context.getBean(WriteApi.class).flush().get();
			await().until(() -> context.getBean(Events.class).received.size() == 1);
			assertThat(context.getBean(Events.class).received.get(0)).isInstanceOf(WriteSuccess.class);
		});
	}

	@Test
	void publishedSuccessesKeepTheirLinesWhileLaterBatchesAreWritten() {
		this.runner.withPropertyValues("influx.events.publish-successes=true").run((context) -> {
			WriteApi writeApi = context.getBean(WriteApi.class);
			for (int i = 0; i < 5; i++) {
				writeApi.writeRecord("m v=" + i + "i");
				writeApi.flush().get();
			}
			Events events = context.getBean(Events.class);
			await().until(() -> events.received.size() == 5);
			assertThat(events.received).extracting((event) -> ((WriteSuccess) event).lines().lines().get(0))
				.containsExactly("m v=0i", "m v=1i", "m v=2i", "m v=3i", "m v=4i");
		});
	}

	@Test
	void withoutSuccessesThePublisherLeavesOnSuccessAloneSoThatWrittenArraysAreFilledAgain() throws Exception {
		assertThat(InfluxWriteEventPublisher.create((event) -> {
		}, false).getClass().getMethod("onSuccess", WriteSuccess.class).getDeclaringClass())
			.isEqualTo(WriteListener.class);
		assertThat(InfluxWriteEventPublisher.create((event) -> {
		}, true).getClass().getMethod("onSuccess", WriteSuccess.class).getDeclaringClass())
			.isNotEqualTo(WriteListener.class);
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("influx.events.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InfluxWriteEventPublisher.class));
	}

}
