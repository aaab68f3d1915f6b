package io.influxspring.write.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What a state change under the writer's lock asks the writer to do once the lock is released:
 * request a dispatch, start a flush or retry timer, notify listeners, complete flush futures.
 */
final class Effects {

	boolean dispatch;

	/** Generation of the open batch whose flush timer must start, or -1. */
	long flushTimerGeneration = -1;

	/** Delay until the earliest retry is due, or -1. */
	long retryTimerNanos = -1;

	private List<Runnable> notifications = List.of();

	private List<Runnable> completions = List.of();

	void reset() {
		this.dispatch = false;
		this.flushTimerGeneration = -1;
		this.retryTimerNanos = -1;
		this.notifications = List.of();
		this.completions = List.of();
	}

	void notify(Runnable notification) {
		if (this.notifications.isEmpty()) {
			this.notifications = new ArrayList<>();
		}
		this.notifications.add(notification);
	}

	/** The list that flush completions are added to. */
	List<Runnable> completions() {
		if (this.completions.isEmpty()) {
			this.completions = new ArrayList<>();
		}
		return this.completions;
	}

	void retryTimer(long delayNanos) {
		if (this.retryTimerNanos < 0 || delayNanos < this.retryTimerNanos) {
			this.retryTimerNanos = delayNanos;
		}
	}

	boolean hasCallbacks() {
		return !this.notifications.isEmpty() || !this.completions.isEmpty();
	}

	/** Listener notifications first, then flush futures, in order; the futures complete whatever a notification throws. */
	Runnable takeCallbacks() {
		List<Runnable> notify = this.notifications;
		List<Runnable> complete = this.completions;
		this.notifications = List.of();
		this.completions = List.of();
		return () -> {
			try {
				notify.forEach(Runnable::run);
			}
			finally {
				complete.forEach(Runnable::run);
			}
		};
	}

}
