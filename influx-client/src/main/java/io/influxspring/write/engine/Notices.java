package io.influxspring.write.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.influxspring.write.LineBatch;
import io.influxspring.write.WriteDrop;
import org.jspecify.annotations.Nullable;

/**
 * What listeners and flush futures must hear of changes made under the accumulator's lock: lines
 * dropped, spool records that may go, and flush futures now complete. The accumulator collects
 * them; the dispatcher takes them and delivers them on the writer's thread, drops first.
 */
final class Notices {

	private List<Dropped> drops = new ArrayList<>();

	private List<Runnable> completions = new ArrayList<>();

	private List<Batch> released = new ArrayList<>();

	void dropped(LineBatch lines, WriteDrop.Reason reason) {
		this.drops.add(new Dropped(lines, null, reason));
	}

	/** An evicted batch dropped: its lines are to be read from the spool before it is released. */
	void droppedOnDisk(Batch batch, WriteDrop.Reason reason) {
		this.drops.add(new Dropped(null, batch, reason));
	}

	/** A spooled batch that was dropped, whose spool record may go. */
	void released(Batch batch) {
		this.released.add(batch);
	}

	List<Batch> releasedBatches() {
		return this.released;
	}

	/** The list that flush completions are added to. */
	List<Runnable> completions() {
		return this.completions;
	}

	boolean isEmpty() {
		return this.drops.isEmpty() && this.completions.isEmpty() && this.released.isEmpty();
	}

	/** The drops, oldest first. */
	List<Dropped> dropped() {
		return this.drops;
	}

	/** The drops, oldest first, evicted batches without their lines. */
	List<WriteDrop> drops() {
		return this.drops.stream().map((drop) -> drop.event(Batch::view)).toList();
	}

	List<Runnable> flushCompletions() {
		return this.completions;
	}

	/** Moves every notice to {@code target}, behind those it holds. */
	void moveTo(Notices target) {
		if (isEmpty()) {
			return;
		}
		target.drops = append(target.drops, this.drops);
		target.completions = append(target.completions, this.completions);
		target.released = append(target.released, this.released);
		clear();
	}

	private static <T> List<T> append(List<T> target, List<T> source) {
		if (target.isEmpty()) {
			return source;
		}
		target.addAll(source);
		return target;
	}

	void clear() {
		this.drops = new ArrayList<>();
		this.completions = new ArrayList<>();
		this.released = new ArrayList<>();
	}

	/**
	 * Lines dropped: those of a batch in memory, or an evicted batch whose lines are on disk.
	 * @param lines the lines, {@code null} for an evicted batch
	 * @param onDisk the evicted batch, or {@code null}
	 */
	record Dropped(@Nullable LineBatch lines, @Nullable Batch onDisk, WriteDrop.Reason reason) {

		int lineCount() {
			return (this.lines != null) ? this.lines.size() : Objects.requireNonNull(this.onDisk).lineCount;
		}

		/** The drop as listeners hear of it, the lines of an evicted batch read by {@code reader}. */
		WriteDrop event(Function<Batch, LineBatch> reader) {
			return new WriteDrop((this.lines != null) ? this.lines : reader.apply(Objects.requireNonNull(this.onDisk)),
					this.reason);
		}

	}

}
