package io.influxspring.write.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.testsupport.StubResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thirty seconds against a server that answers 204, 429, 500, 503, 400 and 413 at random, resets
 * connections and stalls, behind an exchange filter that throws now and then, with four writing
 * threads and random flushes: every flush future completes, the accounting holds at every moment,
 * the writer thread does not spin, and every line ends written, failed or dropped.
 */
class FaultInjectionTest {

	private static final Duration RUN = Duration.ofSeconds(Long.getLong("fault.seconds", 30));

	private static final Pattern LINE = Pattern.compile("m,t=t[0-3] v=\\d+i");

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	@RegisterExtension
	final WriterFixture fixture = new WriterFixture(server);

	@Test
	void randomFaultsNeverWedgeTheWriter() throws Exception {
		server.setResponder(FaultInjectionTest::randomAnswer);
		ExchangeFilterFunction sometimesThrowing = (request, next) -> {
			int roll = ThreadLocalRandom.current().nextInt(100);
			if (roll == 0) {
				throw new AssertionError("injected Error in a filter");
			}
			if (roll == 1) {
				throw new IllegalStateException("injected exception in a filter");
			}
			return next.exchange(request);
		};
		BatchingWriteApi writer = this.fixture.writer(WebClient.builder().filter(sometimesThrowing).build(),
				(o) -> o.batchSize(50)
					.bufferLimit(2000)
					.flushInterval(Duration.ofMillis(20))
					.blockTimeout(Duration.ofMillis(200))
					.maxRetries(3)
					.minRetryDelay(Duration.ofMillis(10))
					.maxRetryDelay(Duration.ofMillis(50))
					.requestTimeout(Duration.ofSeconds(1))
					.closeTimeout(Duration.ofSeconds(5)));
		writer.removeListener(this.fixture.listener);
		List<CompletableFuture<Void>> flushes = new CopyOnWriteArrayList<>();
		long end = System.nanoTime() + RUN.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			String tag = "t" + t;
			threads.add(new Thread(() -> {
				long i = 0;
				while (System.nanoTime() < end) {
					writer.writeRecord("m,t=" + tag + " v=" + (i++) + "i");
					if (ThreadLocalRandom.current().nextInt(2000) == 0) {
						flushes.add(writer.flush(ThreadLocalRandom.current().nextBoolean()));
					}
				}
			}, "fault-writer-" + t));
		}
		threads.forEach(Thread::start);
		Thread writerThread = null;
		ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
		long cpuStart = 0;
		long wallStart = 0;
		while (threads.stream().anyMatch(Thread::isAlive)) {
			WriterFixture.assertAccounted(writer);
			if (writerThread == null && writer.getStatistics().offered() > 0) {
				writerThread = WriterFixture.writerThread(writer);
				cpuStart = cpu.getThreadCpuTime(writerThread.getId());
				wallStart = System.nanoTime();
			}
		}
		double cpuShare = (double) (cpu.getThreadCpuTime(writerThread.getId()) - cpuStart) / (System.nanoTime() - wallStart);
		CompletableFuture<Void> last = writer.flush(true);
		flushes.add(last);
		for (CompletableFuture<Void> flush : flushes) {
			assertThat(flush.handle((done, ex) -> true)).as("a flush future completes; %s", writer.getStatistics())
				.succeedsWithin(Duration.ofSeconds(30));
		}
		server.setResponder(null);
		writer.close();
		WriteStatistics stats = writer.getStatistics();
		System.out.println("fault injection: " + flushes.size() + " flushes, writer thread CPU share "
				+ String.format("%.3f", cpuShare) + ", " + stats);
		assertThat(stats.buffered()).isZero();
		assertThat(stats.written() + stats.failed() + stats.dropped()).isEqualTo(stats.offered());
		assertThat(stats.written()).isPositive();
		assertThat(stats.failed()).isPositive();
		assertThat(cpuShare).as("writer thread CPU share").isLessThan(0.5);
		assertThat(server.receivedLines()).allMatch((line) -> LINE.matcher(line).matches());
	}

	private static StubResponse randomAnswer() {
		int roll = ThreadLocalRandom.current().nextInt(100);
		if (roll < 50) {
			return StubResponse.noContent();
		}
		if (roll < 58) {
			return StubResponse.status(429).header("Retry-After", "0");
		}
		if (roll < 66) {
			return StubResponse.status(500);
		}
		if (roll < 74) {
			return StubResponse.status(503);
		}
		if (roll < 80) {
			return StubResponse.status(400).jsonBody("{\"code\":\"invalid\",\"message\":\"injected refusal\"}");
		}
		if (roll < 85) {
			return StubResponse.status(413);
		}
		if (roll < 92) {
			return StubResponse.reset();
		}
		return StubResponse.noContent().delay(Duration.ofSeconds(3));
	}

}
