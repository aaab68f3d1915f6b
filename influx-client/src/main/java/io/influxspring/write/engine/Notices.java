package io.influxspring.write.engine;

import java.util.ArrayList;
import java.util.List;

import io.influxspring.write.LineBatch;
import io.influxspring.write.WriteDrop;

/**
 * What listeners and flush futures must hear of changes made under the accumulator's lock: lines
 * dropped, and flush futures now complete. The accumulator collects them; the dispatcher takes
 * them and delivers them on the writer's thread, drops first.
 */
final class Notices {

	private List<WriteDrop> drops = List.of();

	private List<Runnable> completions = List.of();

	private List<Batch> released = List.of();

	void dropped(LineBatch lines, WriteDrop.Reason reason) {
		if (this.drops.isEmpty()) {
			this.drops = new ArrayList<>();
		}
		this.drops.add(new WriteDrop(lines, reason));
	}

	/** A spooled batch that was dropped, whose spool record may go. */
	void released(Batch batch) {
		if (this.released.isEmpty()) {
			this.released = new ArrayList<>();
		}
		this.released.add(batch);
	}

	List<Batch> releasedBatches() {
		return this.released;
	}

	/** The list that flush completions are added to. */
	List<Runnable> completions() {
		if (this.completions.isEmpty()) {
			this.completions = new ArrayList<>();
		}
		return this.completions;
	}

	boolean isEmpty() {
		return this.drops.isEmpty() && this.completions.isEmpty() && this.released.isEmpty();
	}

	List<WriteDrop> drops() {
		return this.drops;
	}

	List<Runnable> flushCompletions() {
		return this.completions;
	}

	/** Moves every notice to {@code target}, behind those it holds. */
	void moveTo(Notices target) {
		if (!this.drops.isEmpty()) {
			if (target.drops.isEmpty()) {
				target.drops = this.drops;
			}
			else {
				target.drops.addAll(this.drops);
			}
			this.drops = List.of();
		}
		if (!this.completions.isEmpty()) {
			if (target.completions.isEmpty()) {
				target.completions = this.completions;
			}
			else {
				target.completions.addAll(this.completions);
			}
			this.completions = List.of();
		}
		if (!this.released.isEmpty()) {
			if (target.released.isEmpty()) {
				target.released = this.released;
			}
			else {
				target.released.addAll(this.released);
			}
			this.released = List.of();
		}
	}

	void clear() {
		this.drops = List.of();
		this.completions = List.of();
		this.released = List.of();
	}

}
