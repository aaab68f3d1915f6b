package io.influxspring.write;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time a writer gives points and measurements that have none, read on the caller's thread when
 * they are written. In nanoseconds the stamps are strictly increasing across threads (a stamp that
 * would repeat or go back is one nanosecond after the last), so that unstamped points of one series
 * never overwrite each other; in coarser precisions points stamped in the same unit share a stamp.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class WriteClock {

	private final Clock clock;

	private final WritePrecision precision;

	private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

	private WriteClock(Clock clock, WritePrecision precision) {
		this.clock = Objects.requireNonNull(clock, "Clock must not be null");
		this.precision = Objects.requireNonNull(precision, "Precision must not be null");
	}

	/** A clock reading the system's time in the given precision. */
	public static WriteClock system(WritePrecision precision) {
		return new WriteClock(Clock.systemUTC(), precision);
	}

	/** A clock reading {@code clock} in the given precision. */
	public static WriteClock of(Clock clock, WritePrecision precision) {
		return new WriteClock(clock, precision);
	}

	/** The precision of the stamps. */
	public WritePrecision precision() {
		return this.precision;
	}

	/** The current time in {@link #precision()} units since the epoch. */
	public long stamp() {
		if (this.precision == WritePrecision.MS) {
			return this.clock.millis();
		}
		long now = this.precision.convert(this.clock.instant());
		if (this.precision != WritePrecision.NS) {
			return now;
		}
		while (true) {
			long previous = this.last.get();
			long next = (now > previous) ? now : previous + 1;
			if (this.last.compareAndSet(previous, next)) {
				return next;
			}
		}
	}

}
