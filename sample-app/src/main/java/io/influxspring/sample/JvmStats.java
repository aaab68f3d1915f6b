package io.influxspring.sample;

import java.time.Instant;

import io.influxspring.mapping.InfluxField;
import io.influxspring.mapping.InfluxMeasurement;
import io.influxspring.mapping.InfluxTimestamp;

/** One sample of the JVM's vital signs, written as a {@code jvm} point. */
@InfluxMeasurement("jvm")
record JvmStats(@InfluxField(name = "heap_used") long heapUsed, @InfluxField(name = "non_heap_used") long nonHeapUsed,
		@InfluxField int threads, @InfluxField double load, @InfluxTimestamp Instant time) {
}
