package io.influxspring.benchmarks;

import java.util.concurrent.TimeUnit;

import io.influxspring.mapping.MeasurementMapper;
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
 * {@code writeMeasurement} of a record vs a hand-built {@code Point}: building a {@link CpuSample}
 * and encoding it with {@link MeasurementMapper} (straight into the buffer, as
 * {@code WriteApi.writeMeasurement} does, or through {@code toPoint}), against building and encoding
 * the same point by hand.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MeasurementMapperBenchmark {

	private final MeasurementMapper mapper = new MeasurementMapper();

	private final LineProtocolBuffer buffer = new LineProtocolBuffer();

	private long next;

	@Benchmark
	public int recordAppendTo() {
		this.buffer.reset();
		this.mapper.appendTo(CpuSample.of(this.next++), this.buffer, WritePrecision.NS, TagSet.empty());
		return this.buffer.size();
	}

	@Benchmark
	public int recordToPointAppendTo() {
		this.buffer.reset();
		this.mapper.toPoint(CpuSample.of(this.next++)).appendTo(this.buffer, WritePrecision.NS, TagSet.empty());
		return this.buffer.size();
	}

	@Benchmark
	public int handBuiltPointAppendTo() {
		this.buffer.reset();
		SamplePoints.point(this.next++).appendTo(this.buffer, WritePrecision.NS, TagSet.empty());
		return this.buffer.size();
	}

}
