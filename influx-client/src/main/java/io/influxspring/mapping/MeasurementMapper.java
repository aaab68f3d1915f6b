package io.influxspring.mapping;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import io.influxspring.write.Point;
import io.influxspring.write.WriteClock;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.lineprotocol.LineProtocolBuffer;
import io.influxspring.write.lineprotocol.TagSet;
import org.jspecify.annotations.Nullable;

/**
 * Maps instances of {@link InfluxMeasurement} types to points or straight to line protocol.
 * <p>
 * Each type is inspected once, at its first use, and its plan is cached per class (a
 * {@link ClassValue}, so reloaded classes get plans of their own); mapping then reads members
 * through cached method handles, without reflection. Mistakes in a type's annotations fail at
 * its first use with an {@link IllegalArgumentException} naming the type and the member.
 * Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public class MeasurementMapper {

	private static final ClassValue<MeasurementPlan> PLANS = new ClassValue<>() {

		@Override
		protected MeasurementPlan computeValue(Class<?> type) {
			return PlanInspector.inspect(type);
		}

	};

	/**
	 * Checks the annotations of a type now, instead of at its first use.
	 * @throws IllegalArgumentException naming the type and member at fault
	 */
	public void validate(Class<?> type) {
		PLANS.get(type);
	}

	/** The measurement name instances of the type are written to. */
	public String measurementOf(Class<?> type) {
		return PLANS.get(type).measurement();
	}

	/** The object as a point. */
	public Point toPoint(Object measurement) {
		Objects.requireNonNull(measurement, "Measurement must not be null");
		return PLANS.get(measurement.getClass()).toPoint(measurement);
	}

	/** The object as one line of line protocol with a timestamp in the given precision. */
	public String toLineProtocol(Object measurement, WritePrecision precision) {
		LineProtocolBuffer buffer = new LineProtocolBuffer();
		appendTo(measurement, buffer, precision, TagSet.empty());
		return new String(buffer.array(), 0, buffer.size(), StandardCharsets.UTF_8);
	}

	/**
	 * Appends the object as one line, without the line feed, merging {@code defaultTags} (the
	 * object's own non-null tags win). On failure nothing is appended.
	 * @throws IllegalArgumentException if the type is not mappable or the object cannot be written
	 */
	public void appendTo(Object measurement, LineProtocolBuffer buffer, WritePrecision precision, TagSet defaultTags) {
		appendTo(measurement, buffer, precision, defaultTags, null);
	}

	/**
	 * Like {@link #appendTo(Object, LineProtocolBuffer, WritePrecision, TagSet)}, with the time of
	 * {@code clock} when the object has no {@code @InfluxTimestamp} or a {@code null} one.
	 * @param clock the writer's clock, or {@code null} to write such an object without a time
	 * @since 0.1.0
	 */
	public void appendTo(Object measurement, LineProtocolBuffer buffer, WritePrecision precision, TagSet defaultTags,
			@Nullable WriteClock clock) {
		Objects.requireNonNull(measurement, "Measurement must not be null");
		PLANS.get(measurement.getClass()).appendTo(measurement, buffer, precision, defaultTags, clock);
	}

}
