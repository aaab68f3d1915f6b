package io.influxspring.write.engine;

import java.time.Instant;

import io.influxspring.write.InfluxWriteException;
import io.influxspring.write.WriteDrop;
import org.jspecify.annotations.Nullable;

/**
 * The running totals that account for every line a writer was offered; guarded by the writer's
 * lock, like the rest of the {@link LineAccumulator}.
 */
final class LineCounts {

	private long offered;

	private long written;

	private long rejected;

	private long expired;

	private final long[] dropped = new long[WriteDrop.Reason.values().length];

	private long droppedTotal;

	private long retries;

	private long replayed;

	private @Nullable Instant lastFailureTime;

	private @Nullable String lastFailureMessage;

	private @Nullable Instant lastSuccessTime;

	private @Nullable Instant failingSince;

	void offered(long lines) {
		this.offered += lines;
	}

	void written(long lines) {
		this.written += lines;
	}

	/** Lines that failed for good: rejected by the server, or out of retries when {@code expired}. */
	void failed(long lines, boolean expired) {
		if (expired) {
			this.expired += lines;
		}
		else {
			this.rejected += lines;
		}
	}

	void dropped(long lines, WriteDrop.Reason reason) {
		this.dropped[reason.ordinal()] += lines;
		this.droppedTotal += lines;
	}

	/** Lines found in the spool at startup (also counted offered). */
	void replayed(long lines) {
		this.replayed += lines;
	}

	void retried() {
		this.retries++;
	}

	/** A request succeeded. */
	void succeeded() {
		this.lastSuccessTime = Instant.now();
		this.failingSince = null;
	}

	/**
	 * A request failed; the first failure after a success starts the failing period. The message
	 * kept is summarized, without the lines the server quotes.
	 */
	void requestFailed(InfluxWriteException error) {
		Instant now = Instant.now();
		this.lastFailureTime = now;
		String message = error.getMessage();
		this.lastFailureMessage = (message != null) ? FailureMessages.summarize(message) : null;
		if (this.failingSince == null) {
			this.failingSince = now;
		}
	}

	long droppedTotal() {
		return this.droppedTotal;
	}

	/** Lines neither written, failed nor dropped, as the totals have it. */
	long unresolved() {
		return this.offered - this.written - this.rejected - this.expired - droppedTotal();
	}

	WriteStatistics snapshot(long buffered, long bufferedBytes, long retrying, int inFlightRequests) {
		return new WriteStatistics(this.offered, this.written, this.rejected + this.expired, droppedTotal(), buffered,
				retrying, inFlightRequests, this.retries, this.rejected, this.expired,
				this.dropped[WriteDrop.Reason.OVERFLOW.ordinal()], this.dropped[WriteDrop.Reason.CLOSED.ordinal()],
				this.dropped[WriteDrop.Reason.DISPOSED.ordinal()], this.lastFailureTime, this.lastFailureMessage,
				this.lastSuccessTime, this.failingSince, bufferedBytes, this.replayed, 0, 0, 0);
	}

}
