package io.influxspring.write.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.influxspring.write.LineBatch;
import io.influxspring.write.spool.BatchSpool;
import io.influxspring.write.spool.SpoolFullException;
import io.influxspring.write.spool.SpooledBatch;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A writer's use of its {@link BatchSpool}, on the dispatcher's thread only: a sealed batch is
 * appended before its first send and its record released once its lines are written, failed or
 * dropped (not when close gives up on them: they are sent again at the next start). An evicted
 * batch is read back before it is sent, and before its drop is reported. When the spool is full,
 * its oldest records and their batches are dropped.
 */
final class SpoolKeeper {

	private static final Log logger = LogFactory.getLog(SpoolKeeper.class);

	private final BatchSpool spool;

	private final Path directory;

	private final LineAccumulator accumulator;

	private volatile long lines;

	private volatile long bytes;

	private volatile long skipped;

	/** Whether the last append succeeded. */
	private boolean appending = true;

	SpoolKeeper(BatchSpool spool, Path directory, LineAccumulator accumulator) {
		this.spool = spool;
		this.directory = directory;
		this.accumulator = accumulator;
		accumulator.spoolTakesBatches(true);
		count();
	}

	/** Appends the sealed batches not spooled yet, oldest first, before they are sent. */
	void spoolSealed() {
		List<Batch> sealed = new ArrayList<>();
		this.accumulator.change((ledger) -> ledger.batches.unspooled(sealed), false);
		if (!sealed.isEmpty()) {
			sealed.forEach(this::spool);
			this.accumulator.spooledMore();
		}
	}

	/**
	 * Appends a batch not spooled yet; a failure leaves it in memory only and never fails a send.
	 * While appends fail (logged when they start to and when they stop), the overflow policies apply
	 * as without a spool.
	 */
	void spool(Batch batch) {
		if (batch.spoolId >= 0) {
			return;
		}
		try {
			try {
				batch.spoolId = this.spool.append(batch.bytes, batch.length, batch.lineEnds, batch.lineCount);
			}
			catch (SpoolFullException ex) {
				makeRoom(ex.getBytesNeeded());
				batch.spoolId = this.spool.append(batch.bytes, batch.length, batch.lineEnds, batch.lineCount);
			}
			if (!this.appending) {
				logger.info("The spool at " + this.directory + " takes batches again");
				appending(true);
			}
		}
		catch (Throwable ex) {
			if (this.appending) {
				logger.warn("Could not spool " + batch.lineCount + " lines to " + this.directory
						+ "; until it takes batches again they are kept in memory only", ex);
				appending(false);
			}
		}
		count();
	}

	private void appending(boolean appending) {
		this.appending = appending;
		this.accumulator.spoolTakesBatches(appending);
	}

	private void makeRoom(long bytesNeeded) throws IOException {
		Map<Long, SpooledBatch> dropped = new HashMap<>();
		this.spool.dropOldest(bytesNeeded).forEach((spooled) -> dropped.put(spooled.id(), spooled));
		this.accumulator.change((ledger) -> ledger.dropSpooled(dropped), true);
	}

	/**
	 * Reads the lines of an evicted batch back into memory before it is sent; one dropped meanwhile
	 * stays evicted.
	 * @return {@code null} when the batch's lines are in memory or it was dropped, else why they
	 * cannot be read
	 */
	@Nullable IOException load(Batch batch) {
		if (!batch.evicted) {
			return null;
		}
		try {
			this.accumulator.load(batch, read(batch));
			return null;
		}
		catch (IOException ex) {
			return ex;
		}
		catch (RuntimeException ex) {
			return new IOException(ex.getMessage(), ex);
		}
		finally {
			count();
		}
	}

	/** The lines of an evicted batch dropped, read from disk; none when they cannot be read. */
	LineBatch linesOf(Batch batch) {
		try {
			return read(batch).lineBatch();
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not read from the spool at " + this.directory + " the " + batch.lineCount
					+ " lines dropped", ex);
			return batch.view();
		}
	}

	private SpooledBatch read(Batch batch) throws IOException {
		SpooledBatch spooled = this.spool.read(batch.spoolId);
		if (spooled == null || spooled.byteCount() != batch.length || spooled.lineCount() != batch.lineCount) {
			throw new IOException("The spool at " + this.directory + " no longer holds batch " + batch.spoolId
					+ " of " + batch.lineCount + " lines");
		}
		return spooled;
	}

	/** Lets the record of a settled or dropped batch go once no other half of it holds it. */
	void release(Batch batch) {
		if (!batch.releasesSpoolRecord()) {
			return;
		}
		try {
			this.spool.acknowledge(batch.spoolId);
		}
		catch (Throwable ex) {
			logger.warn("Could not mark a batch written in the spool at " + this.directory
					+ "; it will be sent again at the next start", ex);
		}
		count();
	}

	long lines() {
		return this.lines;
	}

	long bytes() {
		return this.bytes;
	}

	long skipped() {
		return this.skipped;
	}

	void close() {
		try {
			this.spool.close();
		}
		catch (IOException ex) {
			logger.warn("Could not close the spool at " + this.directory, ex);
		}
	}

	private void count() {
		try {
			this.lines = this.spool.lines();
			this.bytes = this.spool.bytes();
			this.skipped = this.spool.skippedRecords();
		}
		catch (RuntimeException ex) {
			// a closed spool keeps its last counts
		}
	}

}
