package io.influxspring.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a field, record component or getter to a tag. Values are written in their string form:
 * {@code String} and other {@code CharSequence}s, enums (their name), numbers, booleans and
 * {@code char}; {@code null} and empty values are left out.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT })
public @interface InfluxTag {

	/** The tag key; the Java name when empty. */
	String name() default "";

}
