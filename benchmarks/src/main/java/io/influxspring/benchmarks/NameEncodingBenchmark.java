package io.influxspring.benchmarks;

import java.util.concurrent.TimeUnit;

import io.influxspring.write.lineprotocol.LineProtocolBuffer;
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
 * The parts of a line one at a time, into a reused {@code LineProtocolBuffer}: a name the program
 * repeats (as keys and tag values of few values are), names that never repeat within thousands
 * (tag values of high cardinality), a nanosecond timestamp and a float.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class NameEncodingBenchmark {

	private final LineProtocolBuffer buffer = new LineProtocolBuffer();

	private final String repeated = "server-01";

	private final String[] distinct = new String[4096];

	private int next;

	private long time = SamplePoints.FIRST_TIME_NANOS;

	public NameEncodingBenchmark() {
		for (int i = 0; i < this.distinct.length; i++) {
			this.distinct[i] = "request-" + (1_000_000 + i * 7919);
		}
	}

	@Benchmark
	public int repeatedName() {
		this.buffer.reset();
		this.buffer.appendKey(this.repeated, "tag value");
		return this.buffer.size();
	}

	@Benchmark
	public int distinctNames() {
		this.buffer.reset();
		this.buffer.appendKey(this.distinct[this.next++ & (this.distinct.length - 1)], "tag value");
		return this.buffer.size();
	}

	@Benchmark
	public int timestamp() {
		this.buffer.reset();
		this.buffer.appendLong(this.time++);
		return this.buffer.size();
	}

	@Benchmark
	public int floatValue() {
		this.buffer.reset();
		this.buffer.appendDoubleValue(0.64);
		return this.buffer.size();
	}

}
