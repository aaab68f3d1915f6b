package io.influxspring.write;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WriteClockTest {

	private static final Clock FIXED = Clock.fixed(Instant.parse("2024-01-01T00:00:00.123456789Z"), ZoneOffset.UTC);

	@Test
	void nanosecondStampsNeverRepeatEvenWhenTheClockStandsStill() {
		WriteClock clock = WriteClock.of(FIXED, WritePrecision.NS);
		assertThat(clock.stamp()).isEqualTo(1_704_067_200_123_456_789L);
		assertThat(clock.stamp()).isEqualTo(1_704_067_200_123_456_790L);
	}

	@Test
	void nanosecondStampsAreUniqueAcrossThreads() {
		WriteClock clock = WriteClock.system(WritePrecision.NS);
		List<CompletableFuture<long[]>> threads = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			threads.add(CompletableFuture.supplyAsync(() -> {
				long[] stamps = new long[50_000];
				for (int i = 0; i < stamps.length; i++) {
					stamps[i] = clock.stamp();
				}
				return stamps;
			}, (task) -> new Thread(task).start()));
		}
		Set<Long> all = new HashSet<>();
		for (CompletableFuture<long[]> thread : threads) {
			long[] stamps = thread.join();
			for (int i = 0; i < stamps.length; i++) {
				assertThat(all.add(stamps[i])).as("stamp %d is unique", stamps[i]).isTrue();
				if (i > 0) {
					assertThat(stamps[i]).isGreaterThan(stamps[i - 1]);
				}
			}
		}
		assertThat(all).hasSize(200_000);
	}

	@Test
	void coarserPrecisionsReadTheClockInTheirUnit() {
		assertThat(WriteClock.of(FIXED, WritePrecision.US).stamp()).isEqualTo(1_704_067_200_123_456L);
		assertThat(WriteClock.of(FIXED, WritePrecision.MS).stamp()).isEqualTo(1_704_067_200_123L);
		WriteClock seconds = WriteClock.of(FIXED, WritePrecision.S);
		assertThat(seconds.stamp()).isEqualTo(seconds.stamp()).isEqualTo(1_704_067_200L);
	}

}
