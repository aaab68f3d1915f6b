package io.influxspring.write.engine;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A consistent snapshot of a writer's line counts: {@code offered = written + failed + dropped +
 * buffered} always holds, with {@code buffered} counted batch by batch.
 *
 * @param offered lines accepted by write methods
 * @param written lines acknowledged by the server
 * @param failed lines that failed for good: {@code rejected + expired}
 * @param dropped lines dropped: {@code droppedOverflow + droppedClosed + droppedDisposed}
 * @param buffered lines not yet resolved: open batch, queued, in flight and waiting for retry
 * @param retrying lines of {@code buffered} waiting for a retry
 * @param inFlightRequests write requests sent and not yet answered
 * @param retries requests retried so far
 * @param rejected lines the server rejected (not retried)
 * @param expired lines that ran out of retries
 * @param droppedOverflow lines dropped because the buffer was full
 * @param droppedClosed lines dropped because close did not manage to write them in time
 * @param droppedDisposed lines dropped by dispose
 * @param lastFailureTime when a request last failed, or {@code null}
 * @param lastFailureMessage why it failed: the server's reason without the lines it quotes and no
 * credentials, at most 256 characters; or {@code null}
 * @param lastSuccessTime when a request last succeeded, or {@code null}
 * @param failingSince when requests started failing without a success since, or {@code null}
 * @param bufferedBytes bytes of line protocol of the {@code buffered} lines held in batches (not
 * those a caller waiting for room still holds)
 * @param replayed lines found in the spool when the writer started, sent again (part of {@code offered})
 * @param spooledLines lines held in the spool on disk (part of {@code buffered}), 0 without a spool
 * @param spooledBytes bytes the spool's records of those lines take on disk
 * @param spoolSkipped records of the spool skipped as torn or corrupt, at start or when read back;
 * their lines were never sent
 * @since 0.1.0
 */
public record WriteStatistics(long offered, long written, long failed, long dropped, long buffered, long retrying,
		int inFlightRequests, long retries, long rejected, long expired, long droppedOverflow, long droppedClosed,
		long droppedDisposed, @Nullable Instant lastFailureTime, @Nullable String lastFailureMessage,
		@Nullable Instant lastSuccessTime, @Nullable Instant failingSince, long bufferedBytes, long replayed,
		long spooledLines, long spooledBytes, long spoolSkipped) {

	/** The statistics before {@code spoolSkipped}, which is 0. */
	public WriteStatistics(long offered, long written, long failed, long dropped, long buffered, long retrying,
			int inFlightRequests, long retries, long rejected, long expired, long droppedOverflow, long droppedClosed,
			long droppedDisposed, @Nullable Instant lastFailureTime, @Nullable String lastFailureMessage,
			@Nullable Instant lastSuccessTime, @Nullable Instant failingSince, long bufferedBytes, long replayed,
			long spooledLines, long spooledBytes) {
		this(offered, written, failed, dropped, buffered, retrying, inFlightRequests, retries, rejected, expired,
				droppedOverflow, droppedClosed, droppedDisposed, lastFailureTime, lastFailureMessage, lastSuccessTime,
				failingSince, bufferedBytes, replayed, spooledLines, spooledBytes, 0);
	}

	/** The statistics before {@code replayed} and the spool's counts, which are 0. */
	public WriteStatistics(long offered, long written, long failed, long dropped, long buffered, long retrying,
			int inFlightRequests, long retries, long rejected, long expired, long droppedOverflow, long droppedClosed,
			long droppedDisposed, @Nullable Instant lastFailureTime, @Nullable String lastFailureMessage,
			@Nullable Instant lastSuccessTime, @Nullable Instant failingSince, long bufferedBytes) {
		this(offered, written, failed, dropped, buffered, retrying, inFlightRequests, retries, rejected, expired,
				droppedOverflow, droppedClosed, droppedDisposed, lastFailureTime, lastFailureMessage, lastSuccessTime,
				failingSince, bufferedBytes, 0, 0, 0, 0);
	}

	/** These statistics with the spool's counts. */
	WriteStatistics withSpool(long lines, long bytes, long skipped) {
		return new WriteStatistics(this.offered, this.written, this.failed, this.dropped, this.buffered, this.retrying,
				this.inFlightRequests, this.retries, this.rejected, this.expired, this.droppedOverflow,
				this.droppedClosed, this.droppedDisposed, this.lastFailureTime, this.lastFailureMessage,
				this.lastSuccessTime, this.failingSince, this.bufferedBytes, this.replayed, lines, bytes, skipped);
	}

	/** The statistics before {@code bufferedBytes}, which is 0. */
	public WriteStatistics(long offered, long written, long failed, long dropped, long buffered, long retrying,
			int inFlightRequests, long retries, long rejected, long expired, long droppedOverflow, long droppedClosed,
			long droppedDisposed, @Nullable Instant lastFailureTime, @Nullable String lastFailureMessage,
			@Nullable Instant lastSuccessTime, @Nullable Instant failingSince) {
		this(offered, written, failed, dropped, buffered, retrying, inFlightRequests, retries, rejected, expired,
				droppedOverflow, droppedClosed, droppedDisposed, lastFailureTime, lastFailureMessage, lastSuccessTime,
				failingSince, 0, 0, 0, 0, 0);
	}

}
