package io.influxspring.write;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WriteOptionsTest {

	static Stream<Arguments> outOfRange() {
		return Stream.of(option("batchSize", 0, (b) -> b.batchSize(0)),
				option("maxBatchBytes", -1, (b) -> b.maxBatchBytes(-1)),
				option("flushInterval", Duration.ZERO, (b) -> b.flushInterval(Duration.ZERO)),
				option("jitter", Duration.ofMillis(-1), (b) -> b.jitter(Duration.ofMillis(-1))),
				option("bufferLimit", 10, (b) -> b.bufferLimit(10)),
				option("blockTimeout", Duration.ofSeconds(-1), (b) -> b.blockTimeout(Duration.ofSeconds(-1))),
				option("maxConcurrentRequests", 0, (b) -> b.maxConcurrentRequests(0)),
				option("gzipThreshold", -1, (b) -> b.gzipThreshold(-1)),
				option("closeTimeout", Duration.ofSeconds(-1), (b) -> b.closeTimeout(Duration.ofSeconds(-1))),
				option("maxRetries", -2, (b) -> b.maxRetries(-2)),
				option("minRetryDelay", Duration.ofSeconds(-1), (b) -> b.minRetryDelay(Duration.ofSeconds(-1))),
				option("maxRetryDelay", Duration.ofSeconds(-1), (b) -> b.maxRetryDelay(Duration.ofSeconds(-1))),
				option("exponentialBase", 0.5, (b) -> b.exponentialBase(0.5)),
				option("retryJitter", Duration.ofSeconds(-1), (b) -> b.retryJitter(Duration.ofSeconds(-1))),
				option("maxRetryTime", Duration.ofSeconds(-1), (b) -> b.maxRetryTime(Duration.ofSeconds(-1))),
				option("requestTimeout", Duration.ZERO, (b) -> b.requestTimeout(Duration.ZERO)),
				option("bufferMemory", 1024L, (b) -> b.bufferMemory(1024)));
	}

	private static Arguments option(String name, Object value, UnaryOperator<WriteOptions.Builder> change) {
		return Arguments.of(name, value, change);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("outOfRange")
	void namesTheOptionOutOfRangeAndItsValue(String option, Object value, UnaryOperator<WriteOptions.Builder> change) {
		assertThatExceptionOfType(InvalidWriteOptionException.class)
			.isThrownBy(() -> change.apply(WriteOptions.builder()).build())
			.isInstanceOf(IllegalArgumentException.class)
			.withMessageStartingWith(option + " ")
			.satisfies((ex) -> {
				assertThat(ex.getOption()).isEqualTo(option);
				assertThat(ex.getValue()).isEqualTo(value);
			});
	}

}
