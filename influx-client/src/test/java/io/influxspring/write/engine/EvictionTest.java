package io.influxspring.write.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.influxspring.write.OverflowPolicy;
import io.influxspring.write.WriteDrop;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.spool.SpoolEntry;
import io.influxspring.write.spool.SpooledBatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accumulator with a spool, on its own: idle spooled batches leave memory to make room, newest
 * first, and come back before they are sent; lines on disk only are never dropped to free memory.
 */
class EvictionTest {

	private static final long T0 = 1_000_000_000L;

	private LineAccumulator accumulator;

	private long nextSpoolId;

	@Test
	void roomIsMadeByEvictingSpooledBatchesNewestFirst() {
		use((o) -> o.batchSize(2).bufferLimit(4));
		append("m v=0i", "m v=1i", "m v=2i", "m v=3i");
		List<Batch> spooled = spoolQueued();
		append("m v=4i", "m v=5i");
		assertThat(spooled.get(0).evicted).isFalse();
		assertThat(spooled.get(1).evicted).isTrue();
		WriteStatistics stats = this.accumulator.statistics();
		assertThat(stats.dropped()).isZero();
		assertThat(stats.buffered()).isEqualTo(6);
		assertThat(stats.bufferedBytes()).isEqualTo(4 * 7);
	}

	@Test
	void anEvictedBatchIsDrainedInItsTurnAndLoadedBeforeItIsSent() {
		use((o) -> o.batchSize(2).bufferLimit(2).maxConcurrentRequests(4));
		append("m v=0i", "m v=1i");
		Batch first = spoolQueued().get(0);
		append("m v=2i", "m v=3i");
		assertThat(first.evicted).isTrue();
		assertThat(first.view().size()).isZero();
		List<Batch> ready = this.accumulator.drain(T0);
		assertThat(ready).startsWith(first);
		this.accumulator.load(first, record(first.spoolId, "m v=0i", "m v=1i"));
		assertThat(first.evicted).isFalse();
		assertThat(first.view().lines()).containsExactly("m v=0i", "m v=1i");
		assertThat(this.accumulator.statistics().bufferedBytes()).isEqualTo(4 * 7);
	}

	@Test
	void dropOldestFreesMemoryFromBatchesInMemoryOnly() {
		use((o) -> o.batchSize(2).bufferLimit(2).overflow(OverflowPolicy.DROP_OLDEST));
		append("m v=0i", "m v=1i");
		Batch onDisk = spoolQueued().get(0);
		append("m v=2i", "m v=3i");
		append("m v=4i", "m v=5i");
		assertThat(onDisk.evicted).isTrue();
		List<WriteDrop> drops = drops();
		assertThat(drops).singleElement().satisfies((drop) -> assertThat(drop.lines().lines())
			.containsExactly("m v=2i", "m v=3i"));
		WriteStatistics stats = this.accumulator.statistics();
		assertThat(stats.droppedOverflow()).isEqualTo(2);
		assertThat(stats.buffered()).isEqualTo(4);
	}

	@Test
	void batchesFoundInTheSpoolStayOnDiskUntilSent() {
		use((o) -> o);
		this.accumulator.change((ledger) -> {
			ledger.replay(new SpoolEntry(7, 2, 14));
			ledger.replay(new SpoolEntry(8, 1, 7));
		}, false);
		WriteStatistics stats = this.accumulator.statistics();
		assertThat(stats.buffered()).isEqualTo(3);
		assertThat(stats.replayed()).isEqualTo(3);
		assertThat(stats.bufferedBytes()).isZero();
		List<Batch> ready = this.accumulator.drain(T0);
		assertThat(ready).extracting((batch) -> batch.spoolId).containsExactly(7L, 8L);
		assertThat(ready).allSatisfy((batch) -> assertThat(batch.evicted).isTrue());
		this.accumulator.load(ready.get(0), record(7, "m v=0i", "m v=1i"));
		assertThat(this.accumulator.statistics().bufferedBytes()).isEqualTo(14);
	}

	@Test
	void aBatchInFlightWhoseRecordTheFullSpoolDropsKeepsItsLinesAndIsSentUnspooled() {
		use((o) -> o);
		this.accumulator.change((ledger) -> ledger.replay(new SpoolEntry(3, 2, 14)), false);
		Batch batch = this.accumulator.drain(T0).get(0);
		SpooledBatch record = record(3, "m v=0i", "m v=1i");
		this.accumulator.change((ledger) -> ledger.dropSpooled(Map.of(3L, record)), true);
		assertThat(batch.evicted).isFalse();
		assertThat(batch.spoolId).isEqualTo(-1);
		assertThat(batch.view().lines()).containsExactly("m v=0i", "m v=1i");
		assertThat(drops()).isEmpty();
		assertThat(this.accumulator.statistics().dropped()).isZero();
	}

	@Test
	void anIdleEvictedBatchDroppedFromTheSpoolIsReportedWithTheLinesOfItsRecord() {
		use((o) -> o);
		this.accumulator.change((ledger) -> ledger.replay(new SpoolEntry(3, 2, 14)), false);
		SpooledBatch record = record(3, "m v=0i", "m v=1i");
		this.accumulator.change((ledger) -> ledger.dropSpooled(Map.of(3L, record)), true);
		assertThat(drops()).singleElement().satisfies((drop) -> {
			assertThat(drop.reason()).isEqualTo(WriteDrop.Reason.OVERFLOW);
			assertThat(drop.lines().lines()).containsExactly("m v=0i", "m v=1i");
		});
		WriteStatistics stats = this.accumulator.statistics();
		assertThat(stats.droppedOverflow()).isEqualTo(2);
		assertThat(stats.buffered()).isZero();
	}

	@Test
	void closingLeavesEvictedBatchesToBeReadFromDiskForTheirDropNotice() {
		use((o) -> o);
		this.accumulator.change((ledger) -> ledger.replay(new SpoolEntry(5, 2, 14)), false);
		assertThat(this.accumulator.finish(WriteDrop.Reason.CLOSED)).isEqualTo(2);
		Notices notices = new Notices();
		this.accumulator.takeNotices(notices);
		assertThat(notices.dropped()).singleElement().satisfies((drop) -> {
			assertThat(drop.lines()).isNull();
			assertThat(drop.lineCount()).isEqualTo(2);
			assertThat(drop.onDisk().spoolId).isEqualTo(5);
		});
		assertThat(notices.releasedBatches()).as("closed: the record stays for the next start").isEmpty();
		assertThat(this.accumulator.statistics().bufferedBytes()).isZero();
	}

	private void use(UnaryOperator<WriteOptions.Builder> options) {
		this.accumulator = new LineAccumulator(options.apply(WriteOptions.builder()).build());
		this.accumulator.spoolTakesBatches(true);
	}

	/** Gives every queued batch a spool id, as the dispatcher's spooling does; returns them. */
	private List<Batch> spoolQueued() {
		List<Batch> queued = new ArrayList<>();
		this.accumulator.change((ledger) -> ledger.batches.unspooled(queued), false);
		queued.forEach((batch) -> batch.spoolId = this.nextSpoolId++);
		return queued;
	}

	private void append(String... records) {
		EncodedLines lines = WriterFixture.encoded(records);
		assertThat(this.accumulator.append(lines)).isEqualTo(records.length);
	}

	private List<WriteDrop> drops() {
		Notices notices = new Notices();
		this.accumulator.takeNotices(notices);
		return notices.drops();
	}

	private static SpooledBatch record(long id, String... records) {
		EncodedLines lines = WriterFixture.encoded(records);
		return new SpooledBatch(id, Arrays.copyOf(lines.buffer.array(), lines.buffer.size()),
				Arrays.copyOf(lines.lineEnds, lines.count), lines.count);
	}

}
