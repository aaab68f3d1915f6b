package io.influxspring.benchmarks;

import io.influxspring.write.Point;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.lineprotocol.LineProtocolBuffer;
import io.influxspring.write.lineprotocol.TagSet;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Encoding one already-built point: into a reused {@link LineProtocolBuffer}, as
 * {@code WriteApi.writePoint} does, and as a {@code String}; and the official client's
 * {@code toLineProtocol()} of the same point for scale. Subclasses choose the point.
 */
public abstract class PointEncodingBenchmark {

	private final Point point;

	private final com.influxdb.client.write.Point officialPoint;

	private final LineProtocolBuffer buffer = new LineProtocolBuffer();

	protected PointEncodingBenchmark(Point point, com.influxdb.client.write.Point officialPoint) {
		this.point = point;
		this.officialPoint = officialPoint;
	}

	@Benchmark
	public int appendTo() {
		this.buffer.reset();
		this.point.appendTo(this.buffer, WritePrecision.NS, TagSet.empty());
		return this.buffer.size();
	}

	@Benchmark
	public String toLineProtocol() {
		return this.point.toLineProtocol();
	}

	@Benchmark
	public String officialClientToLineProtocol() {
		return this.officialPoint.toLineProtocol();
	}

}
