package io.influxspring.autoconfigure;

import java.util.List;

import io.influxspring.mapping.InfluxMeasurement;
import io.influxspring.mapping.MeasurementMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Checks, once the context's singletons exist, every {@link InfluxMeasurement} type in the
 * application's auto-configuration packages, so that a mapping mistake fails the startup instead
 * of the first write. Switched off with {@code influx.mapping.validate-on-startup=false}.
 */
class InfluxMeasurementValidator implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(InfluxMeasurementValidator.class);

	private final BeanFactory beanFactory;

	private final ObjectProvider<MeasurementMapper> mapper;

	InfluxMeasurementValidator(BeanFactory beanFactory, ObjectProvider<MeasurementMapper> mapper) {
		this.beanFactory = beanFactory;
		this.mapper = mapper;
	}

	@Override
	public void afterSingletonsInstantiated() {
		MeasurementMapper measurementMapper = this.mapper.getIfAvailable(MeasurementMapper::new);
		List<Class<?>> types = InfluxMeasurementTypes.scan(this.beanFactory);
		types.forEach(measurementMapper::validate);
		if (logger.isDebugEnabled()) {
			logger.debug("Checked @InfluxMeasurement types " + types);
		}
	}

}
