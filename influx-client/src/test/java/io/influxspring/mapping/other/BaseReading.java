package io.influxspring.mapping.other;

import io.influxspring.mapping.InfluxField;
import io.influxspring.mapping.InfluxTag;

/** A superclass in another package whose annotated private fields are inherited. */
public abstract class BaseReading {

	@InfluxTag
	private final String site;

	@InfluxField(name = "battery")
	private final Double batteryLevel;

	protected BaseReading(String site, Double batteryLevel) {
		this.site = site;
		this.batteryLevel = batteryLevel;
	}

}
