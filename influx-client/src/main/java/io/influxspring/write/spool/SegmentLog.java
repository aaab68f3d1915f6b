package io.influxspring.write.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The segments of a spool directory: read oldest first at open, appended to, deleted once settled.
 * An ACK goes to the current segment, so it may settle a batch of an older one; before the segment
 * holding it is deleted while the batch's is not, it is written again to the current segment.
 * Guarded by the {@link BatchSpool}.
 */
final class SegmentLog {

	private static final Log logger = LogFactory.getLog(BatchSpool.class);

	private final Path directory;

	private final SpoolSettings settings;

	/** The segments by first id. */
	final TreeMap<Long, Segment> segments = new TreeMap<>();

	/** The unacknowledged batches, oldest first. */
	final LinkedHashMap<Long, Entry> live = new LinkedHashMap<>();

	/** For an acknowledged batch of a segment still on disk, the other segment holding its ACK. */
	final Map<Long, Segment> ackHolders = new HashMap<>();

	/** The batches found at open, without their lines. */
	final List<SpoolEntry> recovered = new ArrayList<>();

	/** The segment appended to, none until the first record after open. */
	@Nullable Segment current;

	long nextId;

	long skippedRecords;

	long skippedBytes;

	/** Where an unacknowledged batch is. */
	record Entry(Segment segment, long position, int size, int lineCount) {
	}

	private SegmentLog(Path directory, SpoolSettings settings) {
		this.directory = directory;
		this.settings = settings;
	}

	/** Reads the segments in {@code directory} and deletes those with no unacknowledged batch. */
	static SegmentLog open(Path directory, SpoolSettings settings) throws IOException {
		SegmentLog log = new SegmentLog(directory, settings);
		try {
			log.readSegments();
			for (Segment segment : new ArrayList<>(log.segments.values())) {
				if (segment.live == 0) {
					log.retire(segment);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			log.close(ex);
			throw ex;
		}
		return log;
	}

	private void readSegments() throws IOException {
		List<Path> files;
		try (Stream<Path> list = Files.list(this.directory)) {
			files = list.filter((file) -> Segment.firstId(file) >= 0).sorted().toList();
		}
		Map<Long, SpoolEntry> batches = new LinkedHashMap<>();
		for (Path file : files) {
			Segment segment = Segment.open(file);
			this.segments.put(segment.firstId, segment);
			this.nextId = Math.max(this.nextId, segment.firstId + 1);
			segment.scan(new Segment.Records() {

				@Override
				public void batch(SpooledBatch batch, long position, int size) {
					Entry entry = new Entry(segment, position, size, batch.lineCount());
					if (SegmentLog.this.live.putIfAbsent(batch.id(), entry) == null) {
						batches.put(batch.id(), new SpoolEntry(batch.id(), batch.lineCount(), batch.byteCount()));
						segment.live++;
						SegmentLog.this.nextId = Math.max(SegmentLog.this.nextId, batch.id() + 1);
					}
				}

				@Override
				public void ack(long id) {
					recoveredAck(id, segment);
					batches.remove(id);
				}

			});
			if (segment.skippedBytes > 0) {
				this.skippedRecords += segment.skippedRecords;
				this.skippedBytes += segment.skippedBytes;
				logger.warn("Spool segment " + file + " is torn or corrupt at offset " + segment.size + ": skipped "
						+ segment.skippedRecords + " records, " + segment.skippedBytes + " bytes");
			}
		}
		this.recovered.addAll(batches.values());
	}

	private void recoveredAck(long id, Segment holder) {
		Entry entry = this.live.remove(id);
		if (entry != null) {
			entry.segment().live--;
			if (entry.segment() != holder) {
				this.ackHolders.put(id, holder);
			}
		}
		else if (this.ackHolders.containsKey(id)) {
			this.ackHolders.put(id, holder);
		}
	}

	/** The current segment, rolled over if a record of {@code size} bytes would take it beyond its size. */
	Segment writableSegment(int size) throws IOException {
		Segment segment = this.current;
		if (segment != null && segment.size > 0 && segment.size + size > this.settings.segmentSize()) {
			this.current = null;
			if (segment.live == 0) {
				retire(segment);
			}
			segment = this.current;
		}
		if (segment == null) {
			segment = Segment.create(this.directory, this.nextId, this.settings.fsync());
			this.segments.put(segment.firstId, segment);
			this.current = segment;
		}
		return segment;
	}

	/** Appends a record; if that fails, the segment is appended to no more. */
	void write(Segment segment, ByteBuffer[] record, boolean force) throws IOException {
		try {
			segment.append(record, force);
		}
		catch (IOException ex) {
			if (segment == this.current) {
				this.current = null;
				this.nextId = Math.max(this.nextId, segment.firstId + 1);
				if (segment.live == 0) {
					try {
						retire(segment);
					}
					catch (IOException retireFailure) {
						ex.addSuppressed(retireFailure);
					}
				}
			}
			throw ex;
		}
	}

	/** Appends an ACK of a batch of {@code segment}, deleting the segment if that was its last. */
	void acknowledge(long id, Segment segment) throws IOException {
		Segment holder = writableSegment(SpoolRecords.ACK_SIZE);
		write(holder, SpoolRecords.ack(id), false);
		this.live.remove(id);
		segment.live--;
		if (segment != holder) {
			this.ackHolders.put(id, holder);
		}
		if (segment.live == 0 && segment != this.current) {
			retire(segment);
		}
	}

	/** Deletes a segment with no unacknowledged batch, carrying forward the ACKs it holds. */
	private void retire(Segment segment) throws IOException {
		List<Long> carried = new ArrayList<>();
		for (Iterator<Map.Entry<Long, Segment>> it = this.ackHolders.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Long, Segment> holder = it.next();
			if (segmentOf(holder.getKey()) == segment) {
				it.remove();
			}
			else if (holder.getValue() == segment) {
				carried.add(holder.getKey());
			}
		}
		for (long id : carried) {
			Segment holder = writableSegment(SpoolRecords.ACK_SIZE);
			write(holder, SpoolRecords.ack(id), false);
			this.ackHolders.put(id, holder);
		}
		Segment current = this.current;
		if (!carried.isEmpty() && this.settings.fsync() && current != null) {
			current.force();
		}
		this.segments.remove(segment.firstId);
		segment.delete();
	}

	private @Nullable Segment segmentOf(long id) {
		Map.Entry<Long, Segment> floor = this.segments.floorEntry(id);
		return (floor != null) ? floor.getValue() : null;
	}

	/** Closes every segment file, adding failures to {@code failure}. */
	void close(Exception failure) {
		for (Segment segment : this.segments.values()) {
			try {
				segment.close();
			}
			catch (IOException ex) {
				failure.addSuppressed(ex);
			}
		}
	}

}
