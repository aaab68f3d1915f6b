/**
 * Micrometer metrics of InfluxDB writers: {@link io.influxspring.autoconfigure.metrics.InfluxWriteMeters}
 * documents them.
 */
@NullMarked
package io.influxspring.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
