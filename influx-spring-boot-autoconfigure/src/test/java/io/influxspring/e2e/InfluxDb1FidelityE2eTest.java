package io.influxspring.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.influxspring.mapping.InfluxField;
import io.influxspring.mapping.InfluxMeasurement;
import io.influxspring.mapping.InfluxTag;
import io.influxspring.testsupport.InfluxDb1Server;
import io.influxspring.write.Point;
import io.influxspring.write.WriteApi;
import io.influxspring.write.WriteFailure;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteSuccess;
import io.influxspring.write.engine.BatchingWriteApi;
import io.influxspring.write.engine.WriteStatistics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user's first programs write to a real InfluxDB 1.6 with default settings arrives exactly:
 * points without a time, values with backslashes and line breaks, multi-line records, and partial
 * writes counted line by line.
 */
class InfluxDb1FidelityE2eTest {

	@RegisterExtension
	static final InfluxDb1Server influx = new InfluxDb1Server();

	@InfluxMeasurement("unstamped_reading")
	record Reading(@InfluxTag String device, @InfluxField long seq) {
	}

	@Test
	void pointsWithoutATimeOfOneSeriesAreAllStored() {
		influx.createDatabase("unstamped");
		ManagedWriter.influxDb1(influx, "unstamped").run((context) -> {
			WriteApi writeApi = context.getBean(WriteApi.class);
			for (int i = 0; i < 1000; i++) {
				writeApi.writePoint(Point.measurement("unstamped").field("v", i));
			}
			List<Reading> readings = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				readings.add(new Reading("d1", i));
			}
			writeApi.writeMeasurements(readings);
			writeApi.flush().get(30, TimeUnit.SECONDS);
		});
		assertThat(influx.count("unstamped", "SELECT count(v) FROM unstamped")).isEqualTo(1000);
		assertThat(influx.count("unstamped", "SELECT count(seq) FROM unstamped_reading")).isEqualTo(1000);
	}

	@Test
	void backslashesAndLineBreaksInValuesAreStoredAsWritten() {
		influx.createDatabase("values");
		String trace = "java.lang.IllegalStateException: boom\n\tat com.example.App.main(App.java:12)\r\n\tat x";
		ManagedWriter.influxDb1(influx, "values").run((context) -> {
			WriteApi writeApi = context.getBean(WriteApi.class);
			writeApi.writePoint(Point.measurement("logins")
				.tag("user", "DOMAIN\\alice")
				.tag("path", "C:\\Program Files\\App")
				.field("trace", trace));
			writeApi.flush().get(30, TimeUnit.SECONDS);
		});
		List<List<Object>> rows = influx.query("values", "SELECT \"path\", \"trace\", \"user\" FROM logins");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).subList(1, 4)).containsExactly("C:\\Program Files\\App", trace, "DOMAIN\\alice");
	}

	@Test
	void aRecordOfSeveralLinesIsCountedAsSeveralLines() {
		influx.createDatabase("records");
		ManagedWriter.influxDb1(influx, "records").run((context) -> {
			BatchingWriteApi writer = context.getBean(BatchingWriteApi.class);
			writer.writeRecord("multi v=1i 1000\nmulti v=2i 2000\r\nmulti note=\"two\nlines\" 3000\n");
			writer.flush().get(30, TimeUnit.SECONDS);
			WriteStatistics stats = writer.getStatistics();
			assertThat(stats.offered()).isEqualTo(3);
			assertThat(stats.written()).isEqualTo(3);
		});
		assertThat(influx.count("records", "multi")).isEqualTo(3);
	}

	@Test
	void aPartialWriteCountsTheKeptLinesWrittenAndTheRefusedOnesFailed() {
		influx.createDatabase("partial");
		List<String> succeeded = new CopyOnWriteArrayList<>();
		List<String> failed = new CopyOnWriteArrayList<>();
		WriteListener listener = new WriteListener() {

			@Override
			public void onSuccess(WriteSuccess event) {
				succeeded.addAll(event.lines().lines());
			}

			@Override
			public void onFailure(WriteFailure event) {
				failed.addAll(event.lines().lines());
			}

		};
		List<String> records = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			records.add((i % 10 == 3) ? "partial v=oops" + i + " " + (1000 + i) : "partial v=" + i + "i " + (1000 + i));
		}
		ManagedWriter.listening(ManagedWriter.influxDb1(influx, "partial"), listener).run((context) -> {
			BatchingWriteApi writer = context.getBean(BatchingWriteApi.class);
			writer.writeRecords(records);
			writer.flush().handle((done, ex) -> null).get(30, TimeUnit.SECONDS);
			WriteStatistics stats = writer.getStatistics();
			assertThat(stats.written()).as("written").isEqualTo(90);
			assertThat(stats.failed()).as("failed").isEqualTo(10);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("influx.write.lines").tag("outcome", "written").functionCounter().count()).isEqualTo(90);
			assertThat(meters.get("influx.write.lines").tag("outcome", "failed").functionCounter().count()).isEqualTo(10);
		});
		assertThat(failed).hasSize(10).allMatch((line) -> line.contains("oops"));
		assertThat(succeeded).hasSize(90).noneMatch((line) -> line.contains("oops"));
		assertThat(influx.count("partial", "partial")).isEqualTo(90);
	}

	@Test
	void aPartialWriteThatOnlyCountsItsDropsKeepsTheCountsExactAndSaysItIsUncertain() {
		influx.createDatabase("conflict");
		influx.write("conflict", "conflict,n=first v=1i");
		List<WriteFailure> failures = new CopyOnWriteArrayList<>();
		WriteListener listener = new WriteListener() {

			@Override
			public void onFailure(WriteFailure event) {
				failures.add(event);
			}

		};
		ManagedWriter.listening(ManagedWriter.influxDb1(influx, "conflict"), listener).run((context) -> {
			BatchingWriteApi writer = context.getBean(BatchingWriteApi.class);
			for (int i = 0; i < 10; i++) {
				Point point = Point.measurement("conflict").tag("n", "p" + i);
				writer.writePoint((i % 4 == 1) ? point.field("v", i + 0.5) : point.field("v", i));
			}
			writer.flush().handle((done, ex) -> null).get(30, TimeUnit.SECONDS);
			WriteStatistics stats = writer.getStatistics();
			assertThat(stats.written()).as("written").isEqualTo(7);
			assertThat(stats.failed()).as("failed").isEqualTo(3);
		});
		assertThat(failures).singleElement().satisfies((failure) -> {
			assertThat(failure.isUncertain()).isTrue();
			assertThat(failure.refusedLines()).isEqualTo(3);
			assertThat(failure.reason()).hasMessageContaining("field type conflict").hasMessageContaining("kept 7 of 10");
		});
		assertThat(influx.count("conflict", "SELECT count(v) FROM conflict")).isEqualTo(8);
	}

}
