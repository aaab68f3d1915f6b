package io.influxspring.write.spool;

/**
 * A batch that would take the spool beyond its {@link SpoolSettings#maxSize() maxSize}; nothing was
 * written. {@link BatchSpool#dropOldest(long)} with {@link #getBytesNeeded()} makes room, unless
 * the batch alone is larger than {@code maxSize}. A signal for the caller's overflow policy, so
 * without a stack trace.
 *
 * @since 0.1.0
 */
public class SpoolFullException extends Exception {

	private static final long serialVersionUID = 1L;

	private final long recordBytes;

	private final long bytesNeeded;

	/**
	 * @param recordBytes the bytes the batch takes in the spool
	 * @param bytesNeeded the bytes of older batches to drop so that it fits
	 * @param maxSize the spool's limit
	 */
	public SpoolFullException(long recordBytes, long bytesNeeded, long maxSize) {
		super("The spool is full: a batch of " + recordBytes + " bytes needs " + bytesNeeded
				+ " bytes of older batches dropped to fit in max-size " + maxSize, null, false, false);
		this.recordBytes = recordBytes;
		this.bytesNeeded = bytesNeeded;
	}

	/** The bytes the batch takes in the spool, its record's header included. */
	public long getRecordBytes() {
		return this.recordBytes;
	}

	/** The bytes of older batches to drop so that the batch fits. */
	public long getBytesNeeded() {
		return this.bytesNeeded;
	}

}
