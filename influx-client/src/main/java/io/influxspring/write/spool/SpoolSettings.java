package io.influxspring.write.spool;

/**
 * How a {@link BatchSpool} keeps its batches.
 * @param maxSize the most bytes of unacknowledged batches the spool holds (see {@link BatchSpool#bytes()})
 * @param fsync whether each appended batch is forced to the storage device before
 * {@link BatchSpool#append} returns; without it a batch survives a crash of the application, not
 * one of the operating system or a power loss
 * @param segmentSize the size beyond which appends go to a new segment file
 *
 * @since 0.1.0
 */
public record SpoolSettings(long maxSize, boolean fsync, long segmentSize) {

	/** 1 GB. */
	public static final long DEFAULT_MAX_SIZE = 1L << 30;

	/** 64 MB. */
	public static final long DEFAULT_SEGMENT_SIZE = 64L << 20;

	/**
	 * @throws IllegalArgumentException if {@code maxSize} or {@code segmentSize} is not positive
	 */
	public SpoolSettings {
		if (maxSize <= 0) {
			throw new IllegalArgumentException("maxSize must be positive, not " + maxSize);
		}
		if (segmentSize <= 0) {
			throw new IllegalArgumentException("segmentSize must be positive, not " + segmentSize);
		}
	}

	/** 1 GB at most, forced to disk, in segments of 64 MB. */
	public static SpoolSettings defaults() {
		return new SpoolSettings(DEFAULT_MAX_SIZE, true, DEFAULT_SEGMENT_SIZE);
	}

	/** These settings with another {@code maxSize}. */
	public SpoolSettings withMaxSize(long maxSize) {
		return new SpoolSettings(maxSize, this.fsync, this.segmentSize);
	}

	/** These settings with another {@code fsync}. */
	public SpoolSettings withFsync(boolean fsync) {
		return new SpoolSettings(this.maxSize, fsync, this.segmentSize);
	}

	/** These settings with another {@code segmentSize}. */
	public SpoolSettings withSegmentSize(long segmentSize) {
		return new SpoolSettings(this.maxSize, this.fsync, segmentSize);
	}

}
