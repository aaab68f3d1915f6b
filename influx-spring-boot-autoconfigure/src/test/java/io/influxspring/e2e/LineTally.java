package io.influxspring.e2e;

import java.util.function.LongConsumer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.influxspring.write.LineBatch;
import io.influxspring.write.WriteDrop;
import io.influxspring.write.WriteFailure;
import io.influxspring.write.WriteListener;
import io.influxspring.write.WriteResponse;
import io.influxspring.write.WriteRetry;
import io.influxspring.write.WriteSuccess;

/**
 * A {@link WriteListener} that counts the lines of every signal, as an application would for its
 * own metrics, and remembers which points (by their integer {@code seq} field) were retried, failed
 * or dropped, so that scenarios can tell which lines may legitimately be missing or stored twice.
 */
final class LineTally implements WriteListener {

	private static final Pattern SEQ = Pattern.compile("[ ,]seq=(-?\\d+)i");

	private final AtomicLong attempts = new AtomicLong();

	private final AtomicLong successLines = new AtomicLong();

	private final AtomicLong retryEvents = new AtomicLong();

	private final AtomicLong retryLines = new AtomicLong();

	private final AtomicLong failureLines = new AtomicLong();

	private final AtomicLong dropLines = new AtomicLong();

	private final Map<WriteDrop.Reason, AtomicLong> dropLinesByReason = new ConcurrentHashMap<>();

	/** seq value → how many failed attempts its line was part of. */
	private final Map<Long, Integer> retriedSeqs = new ConcurrentHashMap<>();

	private final Map<Long, Boolean> droppedSeqs = new ConcurrentHashMap<>();

	private final Map<Long, Boolean> failedSeqs = new ConcurrentHashMap<>();

	@Override
	public void onResponse(WriteResponse event) {
		this.attempts.incrementAndGet();
	}

	@Override
	public void onSuccess(WriteSuccess event) {
		this.successLines.addAndGet(event.lines().size());
	}

	@Override
	public void onRetry(WriteRetry event) {
		this.retryEvents.incrementAndGet();
		this.retryLines.addAndGet(event.lines().size());
		forEachSeq(event.lines(), (seq) -> this.retriedSeqs.merge(seq, 1, Integer::sum));
	}

	@Override
	public void onFailure(WriteFailure event) {
		this.failureLines.addAndGet(event.lines().size());
		forEachSeq(event.lines(), (seq) -> this.failedSeqs.put(seq, Boolean.TRUE));
	}

	@Override
	public void onDrop(WriteDrop event) {
		this.dropLines.addAndGet(event.lines().size());
		this.dropLinesByReason.computeIfAbsent(event.reason(), (reason) -> new AtomicLong())
			.addAndGet(event.lines().size());
		forEachSeq(event.lines(), (seq) -> this.droppedSeqs.put(seq, Boolean.TRUE));
	}

	private static void forEachSeq(LineBatch lines, LongConsumer action) {
		for (String line : lines.lines()) {
			Matcher matcher = SEQ.matcher(line);
			if (matcher.find()) {
				action.accept(Long.parseLong(matcher.group(1)));
			}
		}
	}

	/** Write requests answered or failed, retries included. */
	long attempts() {
		return this.attempts.get();
	}

	long successLines() {
		return this.successLines.get();
	}

	/** Requests that failed and were scheduled again. */
	long retryEvents() {
		return this.retryEvents.get();
	}

	/** Lines of the requests that failed and were scheduled again, counted once per failed attempt. */
	long retryLines() {
		return this.retryLines.get();
	}

	long failureLines() {
		return this.failureLines.get();
	}

	long dropLines() {
		return this.dropLines.get();
	}

	long dropLines(WriteDrop.Reason reason) {
		AtomicLong lines = this.dropLinesByReason.get(reason);
		return (lines != null) ? lines.get() : 0;
	}

	/** For each retried point's {@code seq}, the number of failed attempts that carried it. */
	Map<Long, Integer> retriedSeqs() {
		return Map.copyOf(this.retriedSeqs);
	}

	/** The {@code seq} of every point that failed for good. */
	Set<Long> failedSeqs() {
		return Set.copyOf(this.failedSeqs.keySet());
	}

	/** The {@code seq} of every dropped point. */
	Set<Long> droppedSeqs() {
		return Set.copyOf(this.droppedSeqs.keySet());
	}

}
