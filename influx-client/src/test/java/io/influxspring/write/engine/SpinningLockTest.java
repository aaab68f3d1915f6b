package io.influxspring.write.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SpinningLockTest {

	@Test
	void isReentrant() {
		SpinningLock lock = new SpinningLock();
		lock.lock();
		lock.lock();
		assertThat(lock.getHoldCount()).isEqualTo(2);
		lock.unlock();
		lock.unlock();
		assertThat(lock.isLocked()).isFalse();
	}

	@Test
	void waiterParksAfterSpinningAndGetsTheLockOnceReleased() throws Exception {
		SpinningLock lock = new SpinningLock();
		lock.lock();
		CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
			lock.lock();
			try {
				return lock.isHeldByCurrentThread();
			}
			finally {
				lock.unlock();
			}
		});
		await().atMost(5, TimeUnit.SECONDS).until(lock::hasQueuedThreads);
		assertThat(waiter).isNotDone();
		lock.unlock();
		assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(lock.isLocked()).isFalse();
	}

}
