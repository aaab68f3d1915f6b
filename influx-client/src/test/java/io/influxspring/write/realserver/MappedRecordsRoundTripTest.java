package io.influxspring.write.realserver;

import io.influxspring.write.WriteOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.influxspring.mapping.InfluxField;
import io.influxspring.mapping.InfluxMeasurement;
import io.influxspring.mapping.InfluxTag;
import io.influxspring.mapping.InfluxTimestamp;
import io.influxspring.testsupport.InfluxDb1Server;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.engine.BatchingWriteApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Mapped records written to a real InfluxDB 1.6 read back with the same values. */
class MappedRecordsRoundTripTest {

	@RegisterExtension
	static final InfluxDb1Server influx = new InfluxDb1Server();

	enum Status {

		OK, DEGRADED

	}

	@InfluxMeasurement("reading")
	record Reading(@InfluxTag String device, @InfluxTag Status status, @InfluxField double celsius,
			@InfluxField long count, @InfluxField boolean alarm, @InfluxField String note,
			@InfluxTimestamp Instant at) {
	}

	@Test
	void recordsRoundTrip() throws Exception {
		influx.createDatabase("mapped");
		List<Reading> readings = new ArrayList<>();
		Instant start = Instant.parse("2024-03-01T00:00:00Z");
		for (int i = 0; i < 500; i++) {
			readings.add(new Reading("dev, " + (i % 7), (i % 3 == 0) ? Status.DEGRADED : Status.OK, i * 0.1 - 20,
					(long) i * 1_000_003, i % 2 == 0, "note \"" + i + "\" = ok", start.plusMillis(i)));
		}
		BatchingWriteApi writer = BatchingWriteApi.builder(WebClient.create(), influx.url())
			.path("/write?db=mapped&precision=ms")
			.options(WriteOptions.builder().precision(WritePrecision.MS).build())
			.build();
		try {
			writer.writeMeasurements(readings);
			writer.flush().get(10, TimeUnit.SECONDS);
		}
		finally {
			writer.close();
		}
		List<List<Object>> rows = influx.query("mapped",
				"SELECT alarm, celsius, \"count\", device, note, status FROM reading ORDER BY time", "ms");
		assertThat(rows).hasSize(500);
		for (int i = 0; i < 500; i++) {
			Reading expected = readings.get(i);
			List<Object> row = rows.get(i);
			assertThat(((Number) row.get(0)).longValue()).isEqualTo(expected.at().toEpochMilli());
			assertThat(row.get(1)).isEqualTo(expected.alarm());
			assertThat(((Number) row.get(2)).doubleValue()).isEqualTo(expected.celsius());
			assertThat(((Number) row.get(3)).longValue()).isEqualTo(expected.count());
			assertThat(row.get(4)).isEqualTo(expected.device());
			assertThat(row.get(5)).isEqualTo(expected.note());
			assertThat(row.get(6)).isEqualTo(expected.status().name());
		}
	}

}
