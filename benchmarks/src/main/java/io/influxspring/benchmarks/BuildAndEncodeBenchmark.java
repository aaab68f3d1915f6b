package io.influxspring.benchmarks;

import java.util.concurrent.TimeUnit;

import io.influxspring.write.WritePrecision;
import io.influxspring.write.lineprotocol.LineProtocolBuffer;
import io.influxspring.write.lineprotocol.TagSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a caller pays per point: building the typical point ({@link SamplePoints}, a different host
 * and timestamp each time) and encoding it, into a reused buffer or as a {@code String}; the same
 * with the official client's point class for scale.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BuildAndEncodeBenchmark {

	private final LineProtocolBuffer buffer = new LineProtocolBuffer();

	private long next;

	@Benchmark
	public int buildAndAppendTo() {
		this.buffer.reset();
		SamplePoints.point(this.next++).appendTo(this.buffer, WritePrecision.NS, TagSet.empty());
		return this.buffer.size();
	}

	@Benchmark
	public String buildAndToLineProtocol() {
		return SamplePoints.point(this.next++).toLineProtocol();
	}

	@Benchmark
	public String officialClientBuildAndToLineProtocol() {
		return SamplePoints.officialPoint(this.next++).toLineProtocol();
	}

}
