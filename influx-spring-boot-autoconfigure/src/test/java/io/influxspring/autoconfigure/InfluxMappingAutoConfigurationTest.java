package io.influxspring.autoconfigure;

import io.influxspring.autoconfigure.scan.broken.BrokenScanConfiguration;
import io.influxspring.autoconfigure.scan.good.GoodScanConfiguration;
import io.influxspring.mapping.MeasurementMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class InfluxMappingAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InfluxAutoConfiguration.class));

	@Test
	void providesAMapper() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(MeasurementMapper.class));
	}

	@Test
	void aUserMapperWins() {
		MeasurementMapper own = new MeasurementMapper();
		this.runner.withBean(MeasurementMapper.class, () -> own)
			.run((context) -> assertThat(context.getBean(MeasurementMapper.class)).isSameAs(own));
	}

	@Test
	void checksMeasurementTypesOfTheApplicationAtStartup() {
		ApplicationContextRunner writing = this.runner.withPropertyValues("influx.url=http://127.0.0.1:1", "influx.bucket=b");
		writing.withUserConfiguration(GoodScanConfiguration.class).run((context) -> assertThat(context).hasNotFailed());
		writing.withUserConfiguration(BrokenScanConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining(BrokenScanConfiguration.NoField.class.getName())
				.hasMessageContaining("no @InfluxField");
		});
	}

	@Test
	void startupCheckIsSkippedWithoutAWriter() {
		this.runner.withUserConfiguration(BrokenScanConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(InfluxMeasurementValidator.class));
	}

	@Test
	void startupCheckCanBeSwitchedOff() {
		this.runner.withUserConfiguration(BrokenScanConfiguration.class)
			.withPropertyValues("influx.url=http://127.0.0.1:1", "influx.bucket=b", "influx.mapping.validate-on-startup=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(InfluxMeasurementValidator.class));
	}

}
