package io.influxspring.benchmarks;

import java.util.concurrent.TimeUnit;

import io.influxspring.write.Point;
import io.influxspring.write.WritePrecision;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding a point whose names and values need escaping and multi-byte UTF-8: commas, spaces,
 * equals signs, quotes, tabs, backslashes in strings, accented letters, CJK and emoji.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HostileStringEncodingBenchmark extends PointEncodingBenchmark {

	static final String MEASUREMENT = "cpu load,avg";

	static final String HOST = "web 01,rack=7";

	static final String CITY = "Zürich \"Ost\"\t😀";

	static final String FIELD_KEY = "usage=%, user";

	static final String MESSAGE = "said \"hi\", then\ttabbed \\ away = done 日本語 🚀";

	static final String PATH = "C:\\temp\\x y,z=\"q\"";

	public HostileStringEncodingBenchmark() {
		super(Point.measurement(MEASUREMENT)
				.tag("host name", HOST)
				.tag("city", CITY)
				.field(FIELD_KEY, 0.64)
				.field("message", MESSAGE)
				.field("path", PATH)
				.time(1700000000000000000L, WritePrecision.NS),
				com.influxdb.client.write.Point
				.measurement(MEASUREMENT)
				.addTag("host name", HOST)
				.addTag("city", CITY)
				.addField(FIELD_KEY, 0.64)
				.addField("message", MESSAGE)
				.addField("path", PATH)
				.time(1700000000000000000L, com.influxdb.client.domain.WritePrecision.NS));
	}

}
