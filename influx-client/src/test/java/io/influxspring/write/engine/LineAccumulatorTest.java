package io.influxspring.write.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import io.influxspring.write.InfluxWriteException;
import io.influxspring.write.LineBatch;
import io.influxspring.write.OverflowPolicy;
import io.influxspring.write.WriteDrop;
import io.influxspring.write.WriteOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/** The accumulator on its own: no thread of its own, no network, time passed in. */
class LineAccumulatorTest {

	private static final long T0 = 1_000_000_000L;

	private static final InfluxWriteException UNAVAILABLE = new InfluxWriteException("unavailable", 503, true, null);

	private LineAccumulator accumulator;

	@Test
	void appendSealsFullBatchesAndDrainsThemInOrder() {
		use((o) -> o.batchSize(2));
		assertThat(append("m v=0i", "m v=1i", "m v=2i", "m v=3i", "m v=4i")).isEqualTo(5);
		List<Batch> ready = this.accumulator.drain(T0);
		assertThat(ready).extracting(LineAccumulatorTest::text).containsExactly("m v=0i\nm v=1i\n", "m v=2i\nm v=3i\n");
		assertThat(ready).allSatisfy((batch) -> {
			assertThat(batch.attempts).isEqualTo(1);
			assertThat(batch.sentNanos).isEqualTo(T0);
		});
		WriteStatistics stats = assertAccounted();
		assertThat(stats.buffered()).isEqualTo(5);
		assertThat(stats.inFlightRequests()).isEqualTo(2);
		assertThat(stats.bufferedBytes()).isEqualTo(35);
	}

	@Test
	void appendTellsTheDispatcherOfANewOpenBatchButNotOfEveryLine() {
		use((o) -> o.batchSize(10));
		EncodedLines first = lines("m v=0i");
		this.accumulator.append(first);
		assertThat(first.signal).isTrue();
		EncodedLines second = lines("m v=1i");
		this.accumulator.append(second);
		assertThat(second.signal).isFalse();
	}

	@Test
	void theOpenBatchIsSealedAtTheDeadlineItGotWhenFirstSeen() {
		use((o) -> o);
		assertThat(this.accumulator.sealIfDue(T0, 100)).isEqualTo(LineAccumulator.NONE);
		append("m v=0i");
		assertThat(this.accumulator.sealIfDue(T0, 100)).isEqualTo(100);
		assertThat(this.accumulator.sealIfDue(T0 + 60, 500)).isEqualTo(40);
		assertThat(this.accumulator.drain(T0 + 60)).isEmpty();
		assertThat(this.accumulator.sealIfDue(T0 + 100, 500)).isEqualTo(LineAccumulator.NONE);
		assertThat(this.accumulator.drain(T0 + 100)).extracting(LineAccumulatorTest::text).containsExactly("m v=0i\n");
		append("m v=1i");
		assertThat(this.accumulator.sealIfDue(T0 + 200, 500)).as("a new open batch, a new deadline").isEqualTo(500);
	}

	@Test
	void drainTakesNoMoreThanMaxConcurrentRequestsIntoFlight() {
		use((o) -> o.batchSize(1).maxConcurrentRequests(1));
		append("m v=0i", "m v=1i");
		List<Batch> first = this.accumulator.drain(T0);
		assertThat(first).hasSize(1);
		assertThat(this.accumulator.drain(T0)).isEmpty();
		settleWritten(first.get(0));
		assertThat(this.accumulator.drain(T0)).extracting(LineAccumulatorTest::text).containsExactly("m v=1i\n");
		assertThat(assertAccounted().written()).isEqualTo(1);
	}

	@Test
	void upNextNamesTheQueuedBatchesToBeSentNextOnlyWhileEverySlotIsBusy() {
		use((o) -> o.batchSize(1).maxConcurrentRequests(2));
		append("m v=0i", "m v=1i", "m v=2i", "m v=3i", "m v=4i");
		assertThat(this.accumulator.upNext()).isEmpty();
		List<Batch> inFlight = this.accumulator.drain(T0);
		assertThat(inFlight).hasSize(2);
		assertThat(this.accumulator.upNext()).extracting(LineAccumulatorTest::text)
			.containsExactly("m v=2i\n", "m v=3i\n");
		settleWritten(inFlight.get(0));
		assertThat(this.accumulator.upNext()).as("a slot is free: drain takes the next").isEmpty();
	}

	@Test
	void aRetryIsDueAtItsTimeAndGoesBeforeQueuedBatches() {
		use((o) -> o.batchSize(1).maxConcurrentRequests(1));
		append("m v=0i", "m v=1i", "m v=2i");
		Batch first = this.accumulator.drain(T0).get(0);
		assertThat(this.accumulator.land(first, true)).isTrue();
		this.accumulator.settle(first, Settlement.RETRY, 0, UNAVAILABLE, T0 + 50);
		assertThat(this.accumulator.nanosUntilRetry(T0 + 10)).isEqualTo(40);
		Batch second = this.accumulator.drain(T0 + 10).get(0);
		assertThat(text(second)).isEqualTo("m v=1i\n");
		assertThat(this.accumulator.nanosUntilRetry(T0 + 10)).as("every slot busy").isEqualTo(LineAccumulator.NONE);
		settleWritten(second);
		Batch third = this.accumulator.drain(T0 + 49).get(0);
		assertThat(text(third)).as("the retry is not due yet").isEqualTo("m v=2i\n");
		settleWritten(third);
		assertThat(this.accumulator.drain(T0 + 50)).containsExactly(first);
		settleWritten(first);
		assertThat(assertAccounted().written()).isEqualTo(3);
	}

	@Test
	void aDueRetryIsDrainedFirstWithItsAttemptCounted() {
		use((o) -> o.batchSize(1).maxConcurrentRequests(1));
		append("m v=0i", "m v=1i");
		Batch first = this.accumulator.drain(T0).get(0);
		this.accumulator.land(first, true);
		this.accumulator.settle(first, Settlement.RETRY, 0, UNAVAILABLE, T0 + 50);
		WriteStatistics waiting = assertAccounted();
		assertThat(waiting.retrying()).isEqualTo(1);
		assertThat(waiting.retries()).isEqualTo(1);
		assertThat(this.accumulator.isFailing()).isTrue();
		List<Batch> ready = this.accumulator.drain(T0 + 50);
		assertThat(ready).containsExactly(first);
		assertThat(first.attempts).isEqualTo(2);
		assertThat(first.firstAttemptNanos).isEqualTo(T0);
		assertThat(first.sentNanos).isEqualTo(T0 + 50);
	}

	@Test
	void theHalvesOfASplitBatchGoFirstAndAFlushWaitsForBoth() {
		use((o) -> o.batchSize(4).maxConcurrentRequests(1));
		append("m v=0i", "m v=1i", "m v=2i", "m v=3i", "m v=4i");
		CompletableFuture<Void> flushed = this.accumulator.flush(false, T0);
		Batch whole = this.accumulator.drain(T0).get(0);
		this.accumulator.land(whole, false);
		this.accumulator.settle(whole, Settlement.SPLIT, 0, new InfluxWriteException("too large", 413, false, null), 0);
		assertAccounted();
		Batch firstHalf = this.accumulator.drain(T0).get(0);
		assertThat(text(firstHalf)).isEqualTo("m v=0i\nm v=1i\n");
		settleWritten(firstHalf);
		Batch secondHalf = this.accumulator.drain(T0).get(0);
		assertThat(text(secondHalf)).isEqualTo("m v=2i\nm v=3i\n");
		settleWritten(secondHalf);
		Batch last = this.accumulator.drain(T0).get(0);
		assertThat(text(last)).isEqualTo("m v=4i\n");
		completeNotices();
		assertThat(flushed).isNotDone();
		settleWritten(last);
		completeNotices();
		assertThat(flushed).isCompleted();
		assertThat(assertAccounted().written()).isEqualTo(5);
	}

	@Test
	void aBatchOutOfRetriesExpiresAndItsFlushFails() {
		use((o) -> o.batchSize(2));
		append("m v=0i", "m v=1i");
		CompletableFuture<Void> flushed = this.accumulator.flush(false, T0);
		Batch batch = this.accumulator.drain(T0).get(0);
		this.accumulator.land(batch, true);
		this.accumulator.settle(batch, Settlement.EXPIRED, 0, UNAVAILABLE, 0);
		completeNotices();
		assertThat(flushed).isCompletedExceptionally();
		WriteStatistics stats = assertAccounted();
		assertThat(stats.expired()).isEqualTo(2);
		assertThat(stats.buffered()).isZero();
		assertThat(stats.bufferedBytes()).isZero();
	}

	@Test
	void dropOldestDropsTheOldestBatchByLines() {
		use((o) -> o.batchSize(2).bufferLimit(4).overflow(OverflowPolicy.DROP_OLDEST));
		append("m v=0i", "m v=1i", "m v=2i", "m v=3i");
		append("m v=4i", "m v=5i");
		WriteStatistics stats = assertAccounted();
		assertThat(stats.droppedOverflow()).isEqualTo(2);
		assertThat(stats.buffered()).isEqualTo(4);
		assertThat(drops()).singleElement().satisfies((drop) -> {
			assertThat(drop.reason()).isEqualTo(WriteDrop.Reason.OVERFLOW);
			assertThat(text(drop.lines())).isEqualTo("m v=0i\nm v=1i\n");
		});
	}

	@Test
	void dropNewestKeepsTheLinesThatFitInBufferMemory() {
		use((o) -> o.batchSize(10).maxBatchBytes(20).bufferMemory(20).overflow(OverflowPolicy.DROP_NEWEST));
		EncodedLines lines = lines("m v=0i", "m v=1i", "m v=2i", "m v=3i");
		assertThat(this.accumulator.append(lines)).isEqualTo(2);
		assertThat(lines.signal).isTrue();
		WriteStatistics stats = assertAccounted();
		assertThat(stats.bufferedBytes()).isEqualTo(14);
		assertThat(stats.droppedOverflow()).isEqualTo(2);
		assertThat(drops()).singleElement()
			.satisfies((drop) -> assertThat(text(drop.lines())).isEqualTo("m v=2i\nm v=3i\n"));
	}

	@Test
	void blockSealsTheOpenBatchWaitsAndDropsALineThatFindsNoRoomWithinTheBlockTimeout() {
		use((o) -> o.batchSize(10).maxBatchBytes(20).bufferMemory(20).overflow(OverflowPolicy.BLOCK)
			.blockTimeout(Duration.ofMillis(20)));
		append("m v=0i");
		EncodedLines lines = lines("m v=10i", "m v=200i");
		assertThat(this.accumulator.append(lines)).as("the second line must wait for room").isEqualTo(1);
		assertThat(lines.signal).isTrue();
		assertThat(assertAccounted().buffered()).as("lines in a waiting caller's hands are buffered").isEqualTo(3);
		assertThat(this.accumulator.drain(T0)).as("the open batch was sealed for sending")
			.extracting(LineAccumulatorTest::text)
			.containsExactly("m v=0i\nm v=10i\n");
		assertThat(this.accumulator.awaitRoom(lines, 1)).isEqualTo(2);
		WriteStatistics stats = assertAccounted();
		assertThat(stats.droppedOverflow()).isEqualTo(1);
		assertThat(stats.buffered()).isEqualTo(2);
		assertThat(drops()).singleElement().satisfies((drop) -> assertThat(text(drop.lines())).isEqualTo("m v=200i\n"));
	}

	@Test
	void blockWaitsUntilASettledBatchMakesRoom() {
		use((o) -> o.batchSize(2).bufferLimit(2).overflow(OverflowPolicy.BLOCK).blockTimeout(Duration.ofSeconds(30)));
		append("m v=0i", "m v=1i");
		Batch batch = this.accumulator.drain(T0).get(0);
		EncodedLines lines = lines("m v=2i");
		assertThat(this.accumulator.append(lines)).isZero();
		CompletableFuture<Integer> appended = new CompletableFuture<>();
		Thread waiting = new Thread(() -> appended.complete(this.accumulator.awaitRoom(lines, 0)));
		waiting.start();
		await().until(() -> waiting.getState() == Thread.State.TIMED_WAITING);
		assertThat(appended).isNotDone();
		settleWritten(batch);
		assertThat(appended).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1);
		WriteStatistics stats = assertAccounted();
		assertThat(stats.written()).isEqualTo(2);
		assertThat(stats.buffered()).isEqualTo(1);
		assertThat(stats.dropped()).isZero();
	}

	@Test
	void nothingIsDrainedWhileSuspended() {
		use((o) -> o.batchSize(1));
		append("m v=0i");
		this.accumulator.suspend(true);
		assertThat(this.accumulator.drain(T0)).isEmpty();
		assertThat(this.accumulator.isFailing()).isTrue();
		this.accumulator.suspend(false);
		assertThat(this.accumulator.drain(T0)).hasSize(1);
	}

	@Test
	void finishDropsEverythingCancelsRequestsAndCompletesFlushes() {
		use((o) -> o.batchSize(2));
		append("m v=0i", "m v=1i", "m v=2i");
		Batch inFlight = this.accumulator.drain(T0).get(0);
		AtomicBoolean cancelled = new AtomicBoolean();
		this.accumulator.attach(inFlight, () -> cancelled.set(true));
		CompletableFuture<Void> flushed = this.accumulator.flush(false, T0);
		assertThat(this.accumulator.finish(WriteDrop.Reason.CLOSED)).isEqualTo(3);
		assertThat(cancelled).isTrue();
		assertThat(this.accumulator.land(inFlight, false)).as("a response after close is ignored").isFalse();
		List<WriteDrop> drops = drops();
		assertThat(drops).extracting(WriteDrop::reason).containsOnly(WriteDrop.Reason.CLOSED);
		assertThat(drops).as("oldest first").extracting((drop) -> drop.lines().size()).containsExactly(2, 1);
		assertThat(flushed).isCompletedExceptionally();
		assertThat(assertAccounted().droppedClosed()).isEqualTo(3);
		assertThatIllegalStateException().isThrownBy(() -> append("m v=3i")).withMessageContaining("closed");
		assertThat(this.accumulator.finish(WriteDrop.Reason.DISPOSED)).isZero();
	}

	@Test
	void finishDropsEverythingEvenWhenARequestCannotBeCancelled() {
		use((o) -> o.batchSize(2));
		append("m v=0i", "m v=1i", "m v=2i");
		Batch inFlight = this.accumulator.drain(T0).get(0);
		this.accumulator.attach(inFlight, () -> {
			throw new RejectedExecutionException("event executor terminated");
		});
		assertThat(this.accumulator.finish(WriteDrop.Reason.CLOSED)).isEqualTo(3);
		assertThat(assertAccounted().droppedClosed()).isEqualTo(3);
	}

	@Test
	void aBatchDroppedBetweenItsResponseAndItsSettlementIsNotSettledAgain() {
		use((o) -> o.batchSize(1));
		append("m v=0i");
		Batch batch = this.accumulator.drain(T0).get(0);
		assertThat(this.accumulator.land(batch, false)).isTrue();
		assertThat(this.accumulator.finish(WriteDrop.Reason.DISPOSED)).isEqualTo(1);
		assertThat(this.accumulator.settle(batch, Settlement.WRITTEN, 1, null, 0)).isFalse();
		WriteStatistics stats = assertAccounted();
		assertThat(stats.written()).isZero();
		assertThat(stats.droppedDisposed()).isEqualTo(1);
	}

	private void use(UnaryOperator<WriteOptions.Builder> options) {
		this.accumulator = new LineAccumulator(options.apply(WriteOptions.builder()).build());
	}

	private int append(String... records) {
		return this.accumulator.append(lines(records));
	}

	private void settleWritten(Batch batch) {
		assertThat(this.accumulator.land(batch, false)).isTrue();
		this.accumulator.settle(batch, Settlement.WRITTEN, batch.lineCount, null, 0);
	}

	/** Takes the notices, running the flush completions as the dispatcher does; returns the drops. */
	private List<WriteDrop> drops() {
		Notices notices = new Notices();
		this.accumulator.takeNotices(notices);
		notices.flushCompletions().forEach(Runnable::run);
		return new ArrayList<>(notices.drops());
	}

	private void completeNotices() {
		drops();
	}

	private WriteStatistics assertAccounted() {
		WriteStatistics stats = this.accumulator.statistics();
		assertThat(stats.written() + stats.failed() + stats.dropped() + stats.buffered()).as(stats.toString())
			.isEqualTo(stats.offered());
		return stats;
	}

	private static EncodedLines lines(String... records) {
		return WriterFixture.encoded(records);
	}

	private static String text(Batch batch) {
		return text(batch.view());
	}

	private static String text(LineBatch lines) {
		StringBuilder text = new StringBuilder();
		lines.lines().forEach((line) -> text.append(line).append('\n'));
		return text.toString();
	}

}
