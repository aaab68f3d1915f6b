package io.influxspring.write.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.influxspring.write.WriteOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

	private static final long MILLI = 1_000_000L;

	@Test
	void backoffGrowsByTheExponentialBaseUpToMaxRetryDelay() {
		RetryPolicy policy = policy((o) -> o.minRetryDelay(Duration.ofMillis(100)).exponentialBase(2));
		assertThat(policy.nextDelay(1, 0, null)).isEqualTo(Duration.ofMillis(100));
		assertThat(policy.nextDelay(2, 0, null)).isEqualTo(Duration.ofMillis(200));
		assertThat(policy.nextDelay(3, 0, null)).isEqualTo(Duration.ofMillis(400));
		assertThat(policy.nextDelay(4, 0, null)).isEqualTo(Duration.ofMillis(800));
		assertThat(policy.nextDelay(5, 0, null)).isEqualTo(Duration.ofSeconds(1));
		assertThat(policy.nextDelay(9, 0, null)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void jitterAddsAtMostRetryJitter() {
		RetryPolicy policy = policy((o) -> o.minRetryDelay(Duration.ofMillis(100)).retryJitter(Duration.ofMillis(50)));
		Set<Duration> seen = new HashSet<>();
		for (int i = 0; i < 500; i++) {
			Duration delay = policy.nextDelay(1, 0, null);
			assertThat(delay).isBetween(Duration.ofMillis(100), Duration.ofMillis(150));
			seen.add(delay);
		}
		assertThat(seen).as("jitter varies the delay").hasSizeGreaterThan(1);
	}

	@Test
	void retryAfterIsHonouredCappedByMaxRetryDelayAndWithoutJitter() {
		RetryPolicy policy = policy((o) -> o.maxRetryDelay(Duration.ofSeconds(30)).retryJitter(Duration.ofSeconds(5)));
		assertThat(policy.nextDelay(1, 0, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
		assertThat(policy.nextDelay(1, 0, Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void maxRetriesBoundsTheAttempts() {
		RetryPolicy policy = policy((o) -> o.maxRetries(3));
		assertThat(policy.nextDelay(3, 0, null)).isNotNull();
		assertThat(policy.nextDelay(4, 0, null)).isNull();
		assertThat(policy((o) -> o.maxRetries(0)).nextDelay(1, 0, null)).isNull();
	}

	@Test
	void maxRetryTimeBoundsTheTimeSinceTheFirstAttempt() {
		RetryPolicy policy = policy((o) -> o.minRetryDelay(Duration.ofMillis(100)).maxRetryTime(Duration.ofSeconds(1)));
		assertThat(policy.nextDelay(1, 900 * MILLI, null)).isEqualTo(Duration.ofMillis(100));
		assertThat(policy.nextDelay(1, 901 * MILLI, null)).isNull();
		assertThat(policy.nextDelay(1, MILLI, Duration.ofSeconds(1))).isNull();
	}

	@Test
	void durationsTooLongForNanosecondsSaturate() {
		Duration centuries = Duration.ofDays(365L * 500);
		assertThat(RetryPolicy.nanos(centuries)).isEqualTo(Long.MAX_VALUE);
		assertThat(RetryPolicy.nanos(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
		assertThat(RetryPolicy.nanos(Duration.ofSeconds(3))).isEqualTo(3_000_000_000L);
		assertThat(RetryPolicy.saturatedAdd(Long.MAX_VALUE - 10, Duration.ofSeconds(1))).isEqualTo(Long.MAX_VALUE);
		assertThat(RetryPolicy.saturatedAdd(5, Duration.ofNanos(10))).isEqualTo(15);
		RetryPolicy policy = policy((o) -> o.maxRetryDelay(Duration.ofDays(365L * 1000))
			.maxRetryTime(Duration.ofDays(365L * 2000)));
		assertThat(policy.nextDelay(1, 0, centuries)).isEqualTo(centuries);
	}

	@Test
	void retryAfterIsReadAsSecondsOrAnHttpDate() {
		Instant now = Instant.parse("2024-01-01T00:00:00Z");
		assertThat(RetryPolicy.parseRetryAfter("120", now)).isEqualTo(Duration.ofMinutes(2));
		assertThat(RetryPolicy.parseRetryAfter(" 7 ", now)).isEqualTo(Duration.ofSeconds(7));
		assertThat(RetryPolicy.parseRetryAfter("Mon, 01 Jan 2024 00:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
		assertThat(RetryPolicy.parseRetryAfter("Sun, 31 Dec 2023 23:59:00 GMT", now)).isEqualTo(Duration.ZERO);
		assertThat(RetryPolicy.parseRetryAfter("-1", now)).isNull();
		assertThat(RetryPolicy.parseRetryAfter("soon", now)).isNull();
		assertThat(RetryPolicy.parseRetryAfter(null, now)).isNull();
	}

	private static RetryPolicy policy(UnaryOperator<WriteOptions.Builder> options) {
		return new RetryPolicy(options.apply(WriteOptions.builder()
			.minRetryDelay(Duration.ofMillis(100))
			.maxRetryDelay(Duration.ofSeconds(1))
			.retryJitter(Duration.ZERO)
			.maxRetries(10)
			.maxRetryTime(Duration.ofHours(1))).build());
	}

}
