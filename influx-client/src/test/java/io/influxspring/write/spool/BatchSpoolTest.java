package io.influxspring.write.spool;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BatchSpoolTest {

	private static final SpoolSettings SETTINGS = SpoolSettings.defaults();

	@TempDir
	Path directory;

	@Test
	void batchesAreRecoveredAfterReopeningWithExactBytesAndLineEndsInOrder() throws Exception {
		List<SpooledBatch> appended = new ArrayList<>();
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			appended.add(append(spool, "cpu v=1 1", "cpu v=2 2"));
			appended.add(append(spool, "mem used=42i 3"));
			appended.add(append(spool, "disk free=1 4", "disk free=2 5", "disk free=3 6"));
			assertThat(spool.lines()).isEqualTo(6);
			assertThat(spool.bytes()).isEqualTo(size(appended.get(0)) + size(appended.get(1)) + size(appended.get(2)));
		}
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			assertThat(recovered(spool)).containsExactlyElementsOf(appended);
			assertThat(recovered(spool).get(2).lineEnds()).containsExactly(14, 28, 42);
			assertThat(recovered(spool).get(2).lineBatch().lines()).containsExactly("disk free=1 4", "disk free=2 5",
					"disk free=3 6");
			assertThat(spool.lines()).isEqualTo(6);
			assertThat(spool.batches()).isEqualTo(3);
			assertThat(spool.skippedRecords()).isZero();
			assertThat(append(spool, "cpu v=3 7").id()).isGreaterThan(appended.get(2).id());
		}
	}

	@Test
	void acknowledgedBatchesAreNotRecovered() throws Exception {
		SpooledBatch first;
		SpooledBatch third;
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS.withFsync(false))) {
			first = append(spool, "a v=1 1");
			SpooledBatch second = append(spool, "b v=1 1", "b v=2 2");
			third = append(spool, "c v=1 1");
			assertThat(spool.acknowledge(second.id())).isTrue();
			assertThat(spool.acknowledge(second.id())).isFalse();
			assertThat(spool.lines()).isEqualTo(2);
			assertThat(spool.bytes()).isEqualTo(size(first) + size(third));
		}
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			assertThat(recovered(spool)).containsExactly(first, third);
			spool.acknowledge(first.id());
			assertThat(recovered(spool)).containsExactly(third);
		}
	}

	@Test
	void segmentsRollOverAndAreDeletedOnceAllTheirBatchesAreAcknowledged() throws Exception {
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS.withSegmentSize(150))) {
			SpooledBatch a = append(spool, "a".repeat(60));
			SpooledBatch b = append(spool, "b".repeat(60));
			SpooledBatch c = append(spool, "c".repeat(60));
			assertThat(segments()).hasSize(3);
			spool.acknowledge(a.id());
			assertThat(segments()).hasSize(2).noneMatch((file) -> file.endsWith(String.format("%020d.spool", a.id())));
			spool.acknowledge(c.id());
			assertThat(segments()).as("the current segment is kept").hasSize(2);
			spool.acknowledge(b.id());
			assertThat(segments()).hasSize(1);
			assertThat(spool.bytes()).isZero();
			assertThat(spool.lines()).isZero();
		}
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			assertThat(recovered(spool)).isEmpty();
			assertThat(segments()).as("a segment with nothing unacknowledged is deleted at open").isEmpty();
		}
	}

	@Test
	void acknowledgementsOfOlderSegmentsSurviveTheDeletionOfTheSegmentHoldingThem() throws Exception {
		SpooledBatch kept;
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS.withSegmentSize(150))) {
			kept = append(spool, "a".repeat(30));
			SpooledBatch settled = append(spool, "b".repeat(30));
			SpooledBatch newer = append(spool, "c".repeat(60));
			spool.acknowledge(settled.id());
			SpooledBatch newest = append(spool, "d".repeat(60));
			spool.acknowledge(newer.id());
			spool.acknowledge(newest.id());
			assertThat(segments()).as("the segment of newer went with the ACK of settled").hasSize(2);
		}
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			assertThat(recovered(spool)).containsExactly(kept);
		}
	}

	@Test
	void aTruncatedLastRecordIsSkippedAndCountedAndTheIntactOnesRecovered() throws Exception {
		List<SpooledBatch> appended = new ArrayList<>();
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			for (int i = 0; i < 3; i++) {
				appended.add(append(spool, "cpu v=" + i + " " + i, "mem v=" + i + " " + i));
			}
		}
		Path segment = segments().get(0);
		truncate(segment, 3);
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			assertThat(recovered(spool)).containsExactlyElementsOf(appended.subList(0, 2));
			assertThat(spool.skippedRecords()).isEqualTo(1);
			assertThat(spool.skippedBytes()).isEqualTo(size(appended.get(2)) - 3);
			assertThat(spool.lines()).isEqualTo(4);
			append(spool, "new v=1 1");
			assertThat(segments()).as("the torn segment is not appended to").hasSize(2);
			spool.acknowledge(appended.get(0).id());
			spool.acknowledge(appended.get(1).id());
			assertThat(segments()).doesNotContain(segment);
			assertThat(recovered(spool)).isEmpty();
			assertThat(spool.batches()).isEqualTo(1);
		}
	}

	@Test
	void aCorruptRecordEndsTheReadingOfItsSegmentOnly() throws Exception {
		List<SpooledBatch> appended = new ArrayList<>();
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			for (int i = 0; i < 3; i++) {
				appended.add(append(spool, "first v=" + i + " " + i));
			}
		}
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			appended.add(append(spool, "second v=1 1"));
			appended.add(append(spool, "second v=2 2"));
		}
		Path first = segments().get(0);
		long middle = size(appended.get(0)) + size(appended.get(1)) - 2;
		flipByte(first, middle);
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			assertThat(recovered(spool)).containsExactly(appended.get(0), appended.get(3), appended.get(4));
			assertThat(spool.skippedRecords()).isEqualTo(2);
			assertThat(spool.skippedBytes()).isEqualTo(size(appended.get(1)) + size(appended.get(2)));
			assertThat(spool.bytes()).isEqualTo(size(appended.get(0)) + size(appended.get(3)) + size(appended.get(4)));
		}
	}

	@Test
	void aFullSpoolRefusesABatchUntilTheOldestAreDropped() throws Exception {
		SpooledBatch probe = batch(0, "x".repeat(40));
		long size = size(probe);
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS.withMaxSize(3 * size))) {
			List<SpooledBatch> appended = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				appended.add(append(spool, String.valueOf(i).repeat(40)));
			}
			byte[] bytes = "y".repeat(40).concat("\n").getBytes(StandardCharsets.UTF_8);
			SpoolFullException full = assertThatExceptionOfType(SpoolFullException.class)
				.isThrownBy(() -> spool.append(bytes, bytes.length, new int[] { bytes.length }, 1))
				.actual();
			assertThat(full.getRecordBytes()).isEqualTo(size);
			assertThat(full.getBytesNeeded()).isEqualTo(size);
			assertThat(spool.batches()).isEqualTo(3);
			assertThat(spool.dropOldest(full.getBytesNeeded())).containsExactly(appended.get(0));
			spool.append(bytes, bytes.length, new int[] { bytes.length }, 1);
			assertThat(spool.bytes()).isEqualTo(3 * size);
			assertThat(spool.lines()).isEqualTo(3);
			assertThat(spool.dropOldest(size + 1)).containsExactly(appended.get(1), appended.get(2));
			assertThat(spool.dropOldest(100 * size)).hasSize(1);
			assertThat(spool.bytes()).isZero();
			byte[] huge = "z".repeat(200).concat("\n").getBytes(StandardCharsets.UTF_8);
			assertThatExceptionOfType(SpoolFullException.class)
				.isThrownBy(() -> spool.append(huge, huge.length, new int[] { huge.length }, 1));
		}
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			assertThat(recovered(spool)).as("dropped batches are acknowledged").isEmpty();
		}
	}

	@Test
	void aBatchNoLongerIntactOnDiskIsDroppedUnreadAndCounted() throws Exception {
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			SpooledBatch first = append(spool, "cpu v=1 1");
			SpooledBatch second = append(spool, "cpu v=2 2");
			flipByte(segments().get(0), size(first) - 3);
			assertThat(spool.dropOldest(1)).isEmpty();
			assertThat(spool.skippedRecords()).isEqualTo(1);
			assertThat(spool.skippedBytes()).isEqualTo(size(first));
			assertThat(spool.dropOldest(1)).containsExactly(second);
			assertThat(spool.batches()).isZero();
		}
	}

	@Test
	void batchesFoundAtOpenAreListedWithoutTheirLinesAndReadOnDemand() throws Exception {
		SpooledBatch first;
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			first = append(spool, "cpu v=1 1", "cpu v=2 2");
			append(spool, "cpu v=3 3");
		}
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			assertThat(spool.recovered()).containsExactly(new SpoolEntry(first.id(), 2, 20),
					new SpoolEntry(first.id() + 1, 1, 10));
			assertThat(spool.read(first.id())).isEqualTo(first);
			spool.acknowledge(first.id());
			assertThat(spool.read(first.id())).isNull();
			assertThat(spool.recovered()).extracting(SpoolEntry::lineCount).containsExactly(1);
		}
	}

	@Test
	void aRecordChangedOnDiskAfterOpenFailsToReadNamingItsSegment() throws Exception {
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			SpooledBatch first = append(spool, "cpu v=1 1");
			SpooledBatch second = append(spool, "cpu v=2 2");
			flipByte(segments().get(0), size(first) + size(second) - 3);
			assertThat(spool.read(first.id())).isEqualTo(first);
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> spool.read(second.id()))
				.withMessageContaining(segments().get(0).toString())
				.withMessageContaining("batch " + second.id());
			assertThat(spool.batches()).isEqualTo(2);
			assertThat(spool.skippedRecords()).isEqualTo(1);
			assertThat(spool.skippedBytes()).isEqualTo(size(second));
		}
	}

	@Test
	void aSecondOpenInThisJvmIsRefusedUntilTheFirstIsClosed() throws Exception {
		BatchSpool spool = BatchSpool.open(this.directory, SETTINGS);
		assertThatExceptionOfType(SpoolLockedException.class).isThrownBy(() -> BatchSpool.open(this.directory, SETTINGS))
			.withMessageContaining(this.directory.toString())
			.withMessageContaining("another process or writer")
			.satisfies((ex) -> assertThat(ex.getDirectory()).isEqualTo(this.directory));
		spool.close();
		BatchSpool.open(this.directory, SETTINGS).close();
	}

	@Test
	void anotherProcessIsRefusedWhileTheSpoolIsOpen() throws Exception {
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			append(spool, "cpu v=1 1");
			assertThat(probe()).startsWith("LOCKED ")
				.contains(this.directory.toString())
				.contains("another process or writer");
		}
		assertThat(probe()).isEqualTo("OK 1");
	}

	@Test
	void aClosedSpoolRefusesUse() throws Exception {
		BatchSpool spool = BatchSpool.open(this.directory, SETTINGS);
		spool.close();
		spool.close();
		assertThatIllegalStateException().isThrownBy(() -> append(spool, "cpu v=1 1")).withMessageContaining("closed");
		assertThatIllegalStateException().isThrownBy(() -> spool.acknowledge(0));
	}

	@Test
	void lineEndsThatDoNotDescribeTheBytesAreRefused() throws Exception {
		try (BatchSpool spool = BatchSpool.open(this.directory, SETTINGS)) {
			byte[] bytes = "a v=1\nb v=2\n".getBytes(StandardCharsets.UTF_8);
			assertThatIllegalArgumentException().isThrownBy(() -> spool.append(bytes, 12, new int[] { 6, 11 }, 2));
			assertThatIllegalArgumentException().isThrownBy(() -> spool.append(bytes, 12, new int[] { 6, 6, 12 }, 3));
			assertThatIllegalArgumentException().isThrownBy(() -> spool.append(bytes, 13, new int[] { 6, 13 }, 2));
			assertThat(spool.append(bytes, 6, new int[] { 6, 12 }, 1)).isZero();
			assertThat(spool.bytes()).isEqualTo(9 + 12 + 4 + 6);
		}
	}

	private SpooledBatch append(BatchSpool spool, String... lines) throws IOException, SpoolFullException {
		SpooledBatch batch = batch(0, lines);
		long id = spool.append(batch.bytes(), batch.byteCount(), batch.lineEnds(), batch.lineCount());
		return new SpooledBatch(id, batch.bytes(), batch.lineEnds(), batch.lineCount());
	}

	private static SpooledBatch batch(long id, String... lines) {
		StringBuilder text = new StringBuilder();
		int[] ends = new int[lines.length];
		for (int i = 0; i < lines.length; i++) {
			text.append(lines[i]).append('\n');
			ends[i] = text.length();
		}
		return new SpooledBatch(id, text.toString().getBytes(StandardCharsets.UTF_8), ends, lines.length);
	}

	/** The batches found at open, read. */
	private static List<SpooledBatch> recovered(BatchSpool spool) throws IOException {
		List<SpooledBatch> batches = new ArrayList<>();
		for (SpoolEntry entry : spool.recovered()) {
			batches.add(spool.read(entry.id()));
		}
		return batches;
	}

	private static long size(SpooledBatch batch) {
		return 9 + 8 + 4 + 4L * batch.lineCount() + batch.byteCount();
	}

	private List<Path> segments() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.toString().endsWith(".spool")).sorted().toList();
		}
	}

	private static void truncate(Path file, int bytes) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.setLength(raf.length() - bytes);
		}
	}

	private static void flipByte(Path file, long position) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.seek(position);
			int value = raf.read();
			raf.seek(position);
			raf.write(value ^ 0x20);
		}
	}

	private String probe() throws Exception {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SpoolLockProbe.class.getName(), this.directory.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output.lines().filter((line) -> line.startsWith("OK") || line.startsWith("LOCKED")).findFirst().orElse(output);
	}

}
