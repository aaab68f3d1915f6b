package io.influxspring.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;

/**
 * What a request's timeout costs when it is subscribed, on a chain of the request's shape (a body
 * supplied, mapped to the exchange, the outcome recovered): Reactor's own error, which names the
 * operator chain at every subscription, against the fallback the writer gives.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RequestTimeoutBenchmark {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final Mono<Integer> fallback = Mono.error(() -> new TimeoutException("no answer within 60000ms"));

	private int next;

	@Benchmark
	public Integer describedTimeout() {
		return request().timeout(TIMEOUT).onErrorResume((ex) -> Mono.just(-1)).block();
	}

	@Benchmark
	public Integer fallbackTimeout() {
		return request().timeout(TIMEOUT, this.fallback).onErrorResume((ex) -> Mono.just(-1)).block();
	}

	private Mono<Integer> request() {
		int body = this.next++;
		return Mono.fromSupplier(() -> body).flatMap((value) -> Mono.just(value + 1));
	}

}
