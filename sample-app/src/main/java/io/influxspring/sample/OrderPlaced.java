package io.influxspring.sample;

import java.time.Instant;

import io.influxspring.mapping.InfluxField;
import io.influxspring.mapping.InfluxMeasurement;
import io.influxspring.mapping.InfluxTag;
import io.influxspring.mapping.InfluxTimestamp;

/** An order placed through {@code POST /orders}, written as an {@code order_placed} point. */
@InfluxMeasurement("order_placed")
record OrderPlaced(@InfluxTag String country, @InfluxTag String payment, @InfluxField double amount,
		@InfluxField int items, @InfluxTimestamp Instant placedAt) {
}
