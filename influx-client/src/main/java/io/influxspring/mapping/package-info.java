/**
 * Maps annotated classes and records to line protocol: {@link io.influxspring.mapping.InfluxMeasurement},
 * {@link io.influxspring.mapping.InfluxTag}, {@link io.influxspring.mapping.InfluxField},
 * {@link io.influxspring.mapping.InfluxTimestamp} and the {@link io.influxspring.mapping.MeasurementMapper}.
 */
@NullMarked
package io.influxspring.mapping;

import org.jspecify.annotations.NullMarked;
