package io.influxspring.write.spool;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** One segment file of a spool: records appended, read in order at open; guarded by the spool. */
final class Segment implements Closeable {

	private static final Pattern NAME = Pattern.compile("(\\d{20})\\.spool");

	final Path path;

	/** The name: no batch of this segment has a smaller id, none of a later one as small. */
	final long firstId;

	private final FileChannel channel;

	/** The bytes of the intact records, where the next one is appended. */
	long size;

	/** The number of unacknowledged batches. */
	int live;

	long skippedRecords;

	long skippedBytes;

	private Segment(Path path, long firstId, FileChannel channel) {
		this.path = path;
		this.firstId = firstId;
		this.channel = channel;
	}

	/** The first id a segment file's name gives, or -1 for a file of another name. */
	static long firstId(Path file) {
		Matcher matcher = NAME.matcher(file.getFileName().toString());
		return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
	}

	static Segment create(Path directory, long firstId, boolean syncDirectory) throws IOException {
		Path path = directory.resolve(String.format("%020d.spool", firstId));
		FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		if (syncDirectory) {
			try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
				dir.force(true);
			}
			catch (IOException ex) {
				// not every platform can force a directory
			}
		}
		return new Segment(path, firstId, channel);
	}

	static Segment open(Path path) throws IOException {
		return new Segment(path, firstId(path), FileChannel.open(path, StandardOpenOption.READ));
	}

	/**
	 * Reads the records in order, up to the end or the first torn or corrupt record: that one and
	 * all after it are counted in {@link #skippedRecords} and {@link #skippedBytes}.
	 */
	void scan(Records records) throws IOException {
		long end = this.channel.size();
		long position = 0;
		ByteBuffer header = ByteBuffer.allocate(SpoolRecords.HEADER);
		while (position < end) {
			byte @Nullable [] body = readRecord(header, position, end);
			if (body == null || !visit(records, header.get(0), body, position)) {
				break;
			}
			position += SpoolRecords.HEADER + body.length;
		}
		this.size = position;
		if (position < end) {
			this.skippedBytes = end - position;
			this.skippedRecords = countRecords(header, position, end);
		}
	}

	private boolean visit(Records records, byte type, byte[] body, long position) {
		if (type == SpoolRecords.ACK) {
			Long id = SpoolRecords.ackId(body);
			if (id != null) {
				records.ack(id);
			}
			return id != null;
		}
		SpooledBatch batch = SpoolRecords.batch(body);
		if (batch != null) {
			records.batch(batch, position, SpoolRecords.HEADER + body.length);
		}
		return batch != null;
	}

	/** The intact body of the record at {@code position}, or {@code null} for a torn or corrupt one. */
	private byte @Nullable [] readRecord(ByteBuffer header, long position, long end) throws IOException {
		if (end - position < SpoolRecords.HEADER) {
			return null;
		}
		header.clear();
		readFully(header, position);
		byte type = header.get(0);
		int length = header.getInt(1);
		if (!SpoolRecords.plausible(type, length, end - position)) {
			return null;
		}
		byte[] body = new byte[length];
		readFully(ByteBuffer.wrap(body), position + SpoolRecords.HEADER);
		return (SpoolRecords.crc(type, length, body, 0) == header.getInt(5)) ? body : null;
	}

	/** Counts records from {@code position} as far as their headers can be followed. */
	private long countRecords(ByteBuffer header, long position, long end) throws IOException {
		long count = 0;
		while (position < end) {
			count++;
			if (end - position < SpoolRecords.HEADER) {
				break;
			}
			header.clear();
			readFully(header, position);
			int length = header.getInt(1);
			if (!SpoolRecords.plausible(header.get(0), length, end - position)) {
				break;
			}
			position += SpoolRecords.HEADER + length;
		}
		return count;
	}

	/** The batch of the record at {@code position}, or {@code null} if it no longer reads intact. */
	@Nullable SpooledBatch readBatch(long position) throws IOException {
		ByteBuffer header = ByteBuffer.allocate(SpoolRecords.HEADER);
		byte @Nullable [] body = readRecord(header, position, this.size);
		return (body != null && header.get(0) == SpoolRecords.BATCH) ? SpoolRecords.batch(body) : null;
	}

	/** Appends a record at {@link #size}; on success advances it. */
	void append(ByteBuffer[] record, boolean force) throws IOException {
		long total = 0;
		for (ByteBuffer buffer : record) {
			total += buffer.remaining();
		}
		this.channel.position(this.size);
		long written = 0;
		while (written < total) {
			written += this.channel.write(record);
		}
		if (force) {
			this.channel.force(false);
		}
		this.size += total;
	}

	void force() throws IOException {
		this.channel.force(false);
	}

	private void readFully(ByteBuffer buffer, long position) throws IOException {
		while (buffer.hasRemaining()) {
			int read = this.channel.read(buffer, position + buffer.position());
			if (read < 0) {
				throw new EOFException(this.path + " ended at " + (position + buffer.position()));
			}
		}
	}

	void delete() throws IOException {
		close();
		Files.deleteIfExists(this.path);
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

	/** What a scan finds. */
	interface Records {

		void batch(SpooledBatch batch, long position, int size);

		void ack(long id);

	}

}
