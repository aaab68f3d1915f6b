package io.influxspring.autoconfigure.scan.broken;

import io.influxspring.mapping.InfluxMeasurement;
import io.influxspring.mapping.InfluxTag;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** An application package with a measurement type that has no field. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class BrokenScanConfiguration {

	@InfluxMeasurement
	public record NoField(@InfluxTag String tag) {
	}

}
