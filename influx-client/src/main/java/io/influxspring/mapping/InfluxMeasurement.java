package io.influxspring.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record whose instances are written as points of one measurement. Only members
 * annotated with {@link InfluxTag}, {@link InfluxField} or {@link InfluxTimestamp} are mapped,
 * inherited fields included.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InfluxMeasurement {

	/** The measurement name; the type's simple name when empty. */
	String value() default "";

}
