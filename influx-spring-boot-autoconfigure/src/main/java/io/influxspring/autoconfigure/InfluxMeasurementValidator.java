package io.influxspring.autoconfigure;

import java.util.List;

import io.influxspring.mapping.InfluxMeasurement;
import io.influxspring.mapping.MeasurementMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

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

	private ClassLoader classLoader() {
		ClassLoader loader = (this.beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : null;
		return (loader != null) ? loader : getClass().getClassLoader();
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!AutoConfigurationPackages.has(this.beanFactory)) {
			return;
		}
		MeasurementMapper measurementMapper = this.mapper.getIfAvailable(MeasurementMapper::new);
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(InfluxMeasurement.class));
		List<String> packages = AutoConfigurationPackages.get(this.beanFactory);
		int checked = 0;
		for (String basePackage : packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				String className = candidate.getBeanClassName();
				if (className != null) {
					measurementMapper.validate(ClassUtils.resolveClassName(className, classLoader()));
					checked++;
				}
			}
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Checked " + checked + " @InfluxMeasurement types in " + packages);
		}
	}

}
