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
 * Encoding one already-built typical point (2 tags; float, integer and boolean fields; nanosecond
 * timestamp): into a reused {@code LineProtocolBuffer}, as {@code WriteApi.writePoint} does, and
 * as a {@code String}; the official client's {@code toLineProtocol()} of the same point for scale.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TypicalPointEncodingBenchmark extends PointEncodingBenchmark {

	public TypicalPointEncodingBenchmark() {
		super(Point.measurement("cpu")
				.tag("host", "server-01")
				.tag("region", "eu-west")
				.field("usage", 0.64)
				.field("count", 17L)
				.field("ok", true)
				.time(1700000000000000000L, WritePrecision.NS),
				com.influxdb.client.write.Point.measurement("cpu")
				.addTag("host", "server-01")
				.addTag("region", "eu-west")
				.addField("usage", 0.64)
				.addField("count", 17L)
				.addField("ok", true)
				.time(1700000000000000000L, com.influxdb.client.domain.WritePrecision.NS));
	}

}
