package io.influxspring.write.engine;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link ReentrantLock} that spins briefly before parking in {@link #lock()}. The writer's
 * critical sections last well under a microsecond, while a parked waiter costs the thread that
 * unlocks a wake-up call into the kernel.
 */
final class SpinningLock extends ReentrantLock {

	private static final int MAX_SPINS = 64;

	@Override
	public void lock() {
		if (tryLock()) {
			return;
		}
		for (int spin = 0; spin < MAX_SPINS; spin++) {
			Thread.onSpinWait();
			if (!isLocked() && tryLock()) {
				return;
			}
		}
		super.lock();
	}

}
