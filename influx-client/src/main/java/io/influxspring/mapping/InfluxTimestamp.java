package io.influxspring.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.influxspring.write.WritePrecision;

/**
 * Maps a field, record component or getter to the point's timestamp: an {@code Instant},
 * {@code OffsetDateTime}, {@code ZonedDateTime}, {@code java.util.Date}, or a {@code long}/{@code Long}
 * counted in {@link #precision()} units since the epoch. At most one per type; {@code null} means
 * no timestamp (the server stamps the point).
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT })
public @interface InfluxTimestamp {

	/** The unit of a {@code long} timestamp. */
	WritePrecision precision() default WritePrecision.MS;

}
