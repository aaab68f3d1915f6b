package io.influxspring.autoconfigure;

import java.util.List;

import io.influxspring.mapping.InfluxMeasurement;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Registers reflection hints, ahead of time, for the {@link InfluxMeasurement} types in the
 * application's packages (and their superclasses), whose members the mapper reads through method
 * handles; so that mapping also works in a native image.
 */
class InfluxMeasurementAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		List<Class<?>> types = InfluxMeasurementTypes.scan(beanFactory);
		if (types.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> {
			ReflectionHints hints = generationContext.getRuntimeHints().reflection();
			for (Class<?> type : types) {
				for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
					hints.registerType(current, MemberCategory.ACCESS_DECLARED_FIELDS,
							MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.INVOKE_PUBLIC_METHODS);
				}
			}
		};
	}

}
