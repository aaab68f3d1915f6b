package io.influxspring.autoconfigure.scan.good;

import io.influxspring.mapping.InfluxField;
import io.influxspring.mapping.InfluxMeasurement;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** An application package with a valid measurement type. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class GoodScanConfiguration {

	@InfluxMeasurement
	public record Fine(@InfluxField int value) {
	}

}
