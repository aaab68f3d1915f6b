package io.influxspring.autoconfigure.scan.inherited;

import io.influxspring.mapping.InfluxField;
import io.influxspring.mapping.InfluxMeasurement;
import io.influxspring.mapping.InfluxTag;

/** A measurement class whose superclass holds annotated fields. */
public final class InheritedScanConfiguration {

	private InheritedScanConfiguration() {
	}

	public abstract static class Parent {

		@InfluxTag
		private String site = "lab";

	}

	@InfluxMeasurement
	public static final class Child extends Parent {

		@InfluxField
		private double temperature = 21.5;

	}

}
