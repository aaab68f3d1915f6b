package io.influxspring.mapping.other;

import java.time.Instant;

import io.influxspring.mapping.InfluxField;
import io.influxspring.mapping.InfluxMeasurement;
import io.influxspring.mapping.InfluxTag;
import io.influxspring.mapping.InfluxTimestamp;

/** A final class with private fields, in another package, extending an annotated superclass. */
@InfluxMeasurement("sensor")
public final class SensorReading extends BaseReading {

	@InfluxTag(name = "sensor_id")
	private final String sensorId;

	@InfluxField
	private final double temperature;

	@InfluxTimestamp
	private final Instant at;

	private final String notMapped = "ignored";

	public SensorReading(String site, Double batteryLevel, String sensorId, double temperature, Instant at) {
		super(site, batteryLevel);
		this.sensorId = sensorId;
		this.temperature = temperature;
		this.at = at;
	}

}
