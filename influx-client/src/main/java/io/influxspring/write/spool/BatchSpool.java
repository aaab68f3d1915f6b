package io.influxspring.write.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.influxspring.write.spool.SegmentLog.Entry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Sealed batches of line protocol kept on disk until acknowledged, so that they survive an outage
 * or a crash of the application: one directory per writer, locked while open, holding segment
 * files of records appended (see {@code SpoolRecords} for the format). A segment whose batches are
 * all acknowledged is deleted once appends have moved on to a newer one. Records that a crash tore
 * or that are corrupt end the reading of their segment at open: counted, logged, never returned.
 * <p>
 * Thread-safe: every public method is {@code synchronized}. Appends and acknowledgements are
 * meant to come from one thread, the writer's dispatcher.
 *
 * @since 0.1.0
 */
public final class BatchSpool implements Closeable {

	private static final Log logger = LogFactory.getLog(BatchSpool.class);

	private final Path directory;

	private final SpoolSettings settings;

	private final FileChannel lockChannel;

	private final SegmentLog log;

	private long bytes;

	private long lines;

	private long skippedRecords;

	private long skippedBytes;

	private boolean closed;

	private BatchSpool(Path directory, SpoolSettings settings, FileChannel lockChannel, SegmentLog log) {
		this.directory = directory;
		this.settings = settings;
		this.lockChannel = lockChannel;
		this.log = log;
		this.skippedRecords = log.skippedRecords;
		this.skippedBytes = log.skippedBytes;
		for (Entry entry : log.live.values()) {
			this.bytes += entry.size();
			this.lines += entry.lineCount();
		}
	}

	/**
	 * Opens the spool in {@code directory}, created if absent, and recovers the batches it holds.
	 * Appends go to a new segment.
	 * @throws SpoolLockedException if another process or another open spool of this one uses the directory
	 * @throws IOException if the directory cannot be created, locked or read
	 */
	public static BatchSpool open(Path directory, SpoolSettings settings) throws IOException {
		Files.createDirectories(directory);
		FileChannel lockChannel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		try {
			FileLock lock;
			try {
				lock = lockChannel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				throw new SpoolLockedException(directory);
			}
			return new BatchSpool(directory, settings, lockChannel, SegmentLog.open(directory, settings));
		}
		catch (IOException | RuntimeException ex) {
			lockChannel.close();
			throw ex;
		}
	}

	/**
	 * Appends a batch and, with {@link SpoolSettings#fsync()}, forces it to disk.
	 * @param bytes the lines, each ending in a line feed, from offset 0
	 * @param length the number of bytes of {@code bytes} used
	 * @param lineEnds the offset just after each line's line feed, the last being {@code length}
	 * @param lineCount the number of entries of {@code lineEnds} used
	 * @return the new batch's id, greater than those of all batches appended before
	 * @throws SpoolFullException if the batch would take {@link #bytes()} beyond
	 * {@link SpoolSettings#maxSize()}; nothing is written
	 * @throws IOException if writing fails: the batch is not spooled, the segment is no longer
	 * appended to
	 * @throws IllegalArgumentException if the line ends do not describe {@code length} bytes
	 */
	public synchronized long append(byte[] bytes, int length, int[] lineEnds, int lineCount)
			throws IOException, SpoolFullException {
		ensureOpen();
		SpoolRecords.check(bytes, length, lineEnds, lineCount);
		int size = (int) SpoolRecords.batchSize(length, lineCount);
		long maxSize = this.settings.maxSize();
		if (this.bytes + size > maxSize) {
			throw new SpoolFullException(size, this.bytes + size - maxSize, maxSize);
		}
		Segment segment = this.log.writableSegment(size);
		long id = this.log.nextId++;
		long position = segment.size;
		this.log.write(segment, SpoolRecords.batch(id, bytes, length, lineEnds, lineCount), this.settings.fsync());
		this.log.live.put(id, new Entry(segment, position, size, lineCount));
		segment.live++;
		this.bytes += size;
		this.lines += lineCount;
		return id;
	}

	/**
	 * Settles a batch for good (written, failed or dropped), so that it is not recovered again. The
	 * acknowledgement is not forced to disk: one lost in a crash means the batch is recovered again.
	 * @return whether the batch was unacknowledged
	 * @throws IOException if writing the acknowledgement fails (the batch stays unacknowledged)
	 */
	public synchronized boolean acknowledge(long id) throws IOException {
		ensureOpen();
		Entry entry = this.log.live.get(id);
		if (entry == null) {
			return false;
		}
		settle(id, entry);
		return true;
	}

	/**
	 * Acknowledges the oldest batches until their bytes reach {@code bytesNeeded} or none is left,
	 * to make room under an overflow policy that drops the oldest.
	 * @return the batches dropped, oldest first; a batch no longer intact on disk is dropped too but
	 * counted in {@link #skippedRecords()} instead
	 */
	public synchronized List<SpooledBatch> dropOldest(long bytesNeeded) throws IOException {
		ensureOpen();
		List<SpooledBatch> dropped = new ArrayList<>();
		long freed = 0;
		while (freed < bytesNeeded && !this.log.live.isEmpty()) {
			Map.Entry<Long, Entry> oldest = this.log.live.entrySet().iterator().next();
			Entry entry = oldest.getValue();
			SpooledBatch batch = entry.segment().readBatch(entry.position());
			settle(oldest.getKey(), entry);
			freed += entry.size();
			if (batch != null && batch.id() == oldest.getKey()) {
				dropped.add(batch);
			}
			else {
				this.skippedRecords++;
				this.skippedBytes += entry.size();
				logger.warn("Spool segment " + entry.segment().path + " no longer reads intact at offset "
						+ entry.position() + ": dropped batch " + oldest.getKey() + " unread");
			}
		}
		return dropped;
	}

	/**
	 * The batches found at open and not acknowledged since, oldest first, without their lines: they
	 * are read when {@link #read(long) asked for}, so that memory does not hold the spool.
	 */
	public synchronized List<SpoolEntry> recovered() {
		List<SpoolEntry> batches = new ArrayList<>();
		for (SpoolEntry entry : this.log.recovered) {
			if (this.log.live.containsKey(entry.id())) {
				batches.add(entry);
			}
		}
		return Collections.unmodifiableList(batches);
	}

	/**
	 * Reads the lines of a batch not acknowledged yet.
	 * @return the batch, or {@code null} when the spool holds no such batch (acknowledged, dropped)
	 * @throws IOException if its record can no longer be read, or no longer reads intact (changed on
	 * disk since it was written: counted in {@link #skippedRecords()}); the batch stays unacknowledged
	 */
	public synchronized @Nullable SpooledBatch read(long id) throws IOException {
		ensureOpen();
		Entry entry = this.log.live.get(id);
		if (entry == null) {
			return null;
		}
		SpooledBatch batch = entry.segment().readBatch(entry.position());
		if (batch == null || batch.id() != id || batch.lineCount() != entry.lineCount()) {
			this.skippedRecords++;
			this.skippedBytes += entry.size();
			throw new IOException("Spool segment " + entry.segment().path + " no longer reads intact at offset "
					+ entry.position() + " (batch " + id + ")");
		}
		return batch;
	}

	/**
	 * The bytes on disk of the unacknowledged batches' records, the measure of
	 * {@link SpoolSettings#maxSize()}. Segment files take more: acknowledgements, and acknowledged
	 * batches sharing a segment with unacknowledged ones or with the one appended to.
	 */
	public synchronized long bytes() {
		return this.bytes;
	}

	/** The number of lines of the unacknowledged batches. */
	public synchronized long lines() {
		return this.lines;
	}

	/** The number of batches not acknowledged. */
	public synchronized int batches() {
		return this.log.live.size();
	}

	/** Records skipped as torn or corrupt, at open and since. */
	public synchronized long skippedRecords() {
		return this.skippedRecords;
	}

	/** Bytes of the records counted in {@link #skippedRecords()}. */
	public synchronized long skippedBytes() {
		return this.skippedBytes;
	}

	/** Closes the segment files and releases the directory's lock; does nothing when closed. */
	@Override
	public synchronized void close() throws IOException {
		if (this.closed) {
			return;
		}
		this.closed = true;
		IOException failure = new IOException("Closing the spool in " + this.directory + " failed");
		this.log.close(failure);
		this.lockChannel.close();
		if (failure.getSuppressed().length > 0) {
			throw failure;
		}
	}

	private void settle(long id, Entry entry) throws IOException {
		this.log.acknowledge(id, entry.segment());
		this.bytes -= entry.size();
		this.lines -= entry.lineCount();
	}

	private void ensureOpen() {
		if (this.closed) {
			throw new IllegalStateException("The spool in " + this.directory + " is closed");
		}
	}

}
