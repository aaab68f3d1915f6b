package io.influxspring.benchmarks;

/**
 * Placeholder: {@code writeMeasurement} of a record vs a hand-built {@code Point}. To be written once
 * {@code io.influxspring.mapping.MeasurementMapper} exists: mapping a record to a point and encoding
 * it, appending a record straight into a {@code LineProtocolBuffer}, against
 * {@link BuildAndEncodeBenchmark#buildAndAppendTo()}.
 */
final class MeasurementMapperBenchmark {

	private MeasurementMapperBenchmark() {
	}

}
