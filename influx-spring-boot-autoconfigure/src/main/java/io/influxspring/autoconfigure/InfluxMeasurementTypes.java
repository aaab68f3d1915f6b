package io.influxspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.influxspring.mapping.InfluxMeasurement;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** Finds the {@link InfluxMeasurement} types in the application's auto-configuration packages. */
final class InfluxMeasurementTypes {

	private InfluxMeasurementTypes() {
	}

	/** The types found; none when the application registered no auto-configuration package. */
	static List<Class<?>> scan(BeanFactory beanFactory) {
		List<Class<?>> types = new ArrayList<>();
		if (!AutoConfigurationPackages.has(beanFactory)) {
			return types;
		}
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(InfluxMeasurement.class));
		ClassLoader classLoader = classLoader(beanFactory);
		for (String basePackage : AutoConfigurationPackages.get(beanFactory)) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				String className = candidate.getBeanClassName();
				if (className != null) {
					types.add(ClassUtils.resolveClassName(className, classLoader));
				}
			}
		}
		return types;
	}

	private static ClassLoader classLoader(BeanFactory beanFactory) {
		ClassLoader loader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : null;
		return (loader != null) ? loader : InfluxMeasurementTypes.class.getClassLoader();
	}

}
