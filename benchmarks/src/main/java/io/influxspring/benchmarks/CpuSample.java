package io.influxspring.benchmarks;

import io.influxspring.mapping.InfluxField;
import io.influxspring.mapping.InfluxMeasurement;
import io.influxspring.mapping.InfluxTag;
import io.influxspring.mapping.InfluxTimestamp;
import io.influxspring.write.WritePrecision;

/** The {@link SamplePoints} point as an annotated record, for {@code writeMeasurement}. */
@InfluxMeasurement(SamplePoints.MEASUREMENT)
public record CpuSample(@InfluxTag String host, @InfluxTag String region, @InfluxField double usage,
		@InfluxField long count, @InfluxField boolean ok, @InfluxTimestamp(precision = WritePrecision.NS) long time) {

	/** Point {@code i} of {@link SamplePoints} as a record. */
	public static CpuSample of(long i) {
		return new CpuSample(SamplePoints.host(i), SamplePoints.REGION, SamplePoints.usage(i), SamplePoints.count(i),
				SamplePoints.ok(i), SamplePoints.timeNanos(i));
	}

}
