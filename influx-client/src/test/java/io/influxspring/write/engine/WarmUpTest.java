package io.influxspring.write.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.influxspring.testsupport.StubInfluxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new writer builds its first request on its own thread before any batch is due, sending nothing,
 * and an error while doing so leaves the writer working.
 */
class WarmUpTest {

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	@Test
	void aNewWriterBuildsARequestAndSendsNothing() throws Exception {
		CountingWebClient client = new CountingWebClient(WebClient.create(), 0);
		BatchingWriteApi writer = writer(client);
		try {
			await().untilAsserted(() -> assertThat(client.posts.get()).isEqualTo(1));
			assertThat(server.requestCount()).isZero();
			writer.writeRecord("m v=1i");
			writer.flush().get(10, TimeUnit.SECONDS);
			assertThat(server.receivedLines()).containsExactly("m v=1i");
			assertThat(client.posts.get()).isEqualTo(2);
		}
		finally {
			writer.close();
		}
	}

	@Test
	void anErrorWhileBuildingAheadLeavesAWorkingWriter() throws Exception {
		CountingWebClient client = new CountingWebClient(WebClient.create(), 1);
		BatchingWriteApi writer = writer(client);
		try {
			await().untilAsserted(() -> assertThat(client.posts.get()).isEqualTo(1));
			writer.writeRecord("m v=1i");
			writer.flush().get(10, TimeUnit.SECONDS);
			assertThat(server.receivedLines()).containsExactly("m v=1i");
			assertThat(writer.getStatistics().written()).isEqualTo(1);
			assertThat(writer.getStatistics().failed()).isZero();
		}
		finally {
			writer.close();
		}
	}

	private static BatchingWriteApi writer(WebClient client) {
		return BatchingWriteApi.builder(client, server.url())
			.path("/write?db=d")
			.options(WriterFixture.options().build())
			.build();
	}

	/** Counts its {@code post()} calls; the first {@code failing} of them throw a {@link LinkageError}. */
	private static final class CountingWebClient implements WebClient {

		private final WebClient delegate;

		private final int failing;

		final AtomicInteger posts = new AtomicInteger();

		CountingWebClient(WebClient delegate, int failing) {
			this.delegate = delegate;
			this.failing = failing;
		}

		@Override
		public RequestBodyUriSpec post() {
			if (this.posts.incrementAndGet() <= this.failing) {
				throw new LinkageError("injected while building a request");
			}
			return this.delegate.post();
		}

		@Override
		public RequestHeadersUriSpec<?> get() {
			return this.delegate.get();
		}

		@Override
		public RequestHeadersUriSpec<?> head() {
			return this.delegate.head();
		}

		@Override
		public RequestBodyUriSpec put() {
			return this.delegate.put();
		}

		@Override
		public RequestBodyUriSpec patch() {
			return this.delegate.patch();
		}

		@Override
		public RequestHeadersUriSpec<?> delete() {
			return this.delegate.delete();
		}

		@Override
		public RequestHeadersUriSpec<?> options() {
			return this.delegate.options();
		}

		@Override
		public RequestBodyUriSpec method(HttpMethod method) {
			return this.delegate.method(method);
		}

		@Override
		public Builder mutate() {
			return this.delegate.mutate();
		}

	}

}
