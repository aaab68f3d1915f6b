package io.influxspring.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a field, record component or getter to a field: {@code byte}, {@code short}, {@code int},
 * {@code long} and {@code BigInteger} as integer ({@code BigInteger} above {@code Long.MAX_VALUE}
 * as unsigned); {@code float}, {@code double} and {@code BigDecimal} as float; {@code boolean};
 * {@code String} and other {@code CharSequence}s, enums (their name) and {@code char} as string.
 * {@code null} values are left out.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT })
public @interface InfluxField {

	/** The field key; the Java name when empty. */
	String name() default "";

}
