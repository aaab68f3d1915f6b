package io.influxspring.write.engine;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.testsupport.StubResponse;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.spool.SpoolLockedException;
import io.influxspring.write.spool.SpoolSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * A writer with a spool: an outage longer than {@code max-retry-time} fails nothing, lines a closed
 * writer could not deliver are sent by the next one on the directory, and a directory serves one
 * writer at a time.
 */
class SpoolTest {

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	@RegisterExtension
	final WriterFixture fixture = new WriterFixture(server);

	@TempDir
	Path directory;

	@Test
	void anOutageLongerThanTheRetryTimeFailsNothing() throws Exception {
		AtomicBoolean down = new AtomicBoolean(true);
		server.setResponder(() -> down.get() ? StubResponse.status(503) : StubResponse.noContent());
		BatchingWriteApi writer = spooled((o) -> o.batchSize(10)
			.minRetryDelay(Duration.ofMillis(5))
			.maxRetryDelay(Duration.ofMillis(20))
			.maxRetries(2)
			.maxRetryTime(Duration.ofMillis(50)));
		writer.writeRecords(WriterFixture.records(100));
		await().until(() -> writer.getStatistics().retries() >= 50);
		WriteStatistics during = writer.getStatistics();
		assertThat(during.failed()).isZero();
		assertThat(during.spooledLines()).isEqualTo(100);
		assertThat(during.spooledBytes()).isPositive();
		down.set(false);
		writer.flush(true).get(10, TimeUnit.SECONDS);
		WriteStatistics after = writer.getStatistics();
		assertThat(after.written()).isEqualTo(100);
		assertThat(after.failed()).isZero();
		assertThat(after.spooledLines()).isZero();
		assertThat(server.receivedLines()).containsExactlyInAnyOrderElementsOf(WriterFixture.records(100));
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void linesAClosedWriterCouldNotDeliverAreSentByTheNextOneOnTheDirectory() throws Exception {
		BatchingWriteApi first = neverSending((o) -> o.batchSize(50));
		first.writeRecords(WriterFixture.records(500));
		await().until(() -> first.getStatistics().spooledLines() == 500);
		first.close();
		assertThat(first.getStatistics().droppedClosed()).isEqualTo(500);
		assertThat(server.requestCount()).isZero();
		BatchingWriteApi second = spooled((o) -> o.batchSize(50));
		second.flush().get(10, TimeUnit.SECONDS);
		WriteStatistics stats = second.getStatistics();
		assertThat(stats.replayed()).isEqualTo(500);
		assertThat(stats.offered()).isEqualTo(500);
		assertThat(stats.written()).isEqualTo(500);
		assertThat(stats.spooledLines()).isZero();
		assertThat(server.receivedLines()).containsExactlyInAnyOrderElementsOf(WriterFixture.records(500));
		WriterFixture.assertAccounted(second);
		second.close();
		assertThat(spooled((o) -> o).getStatistics().replayed()).isZero();
	}

	@Test
	void linesWrittenAreNotSentAgainByTheNextWriter() throws Exception {
		BatchingWriteApi first = spooled((o) -> o.batchSize(10));
		first.writeRecords(WriterFixture.records(30));
		first.flush().get(10, TimeUnit.SECONDS);
		first.close();
		BatchingWriteApi second = spooled((o) -> o);
		assertThat(second.getStatistics().replayed()).isZero();
		assertThat(server.receivedLines()).hasSize(30);
	}

	@Test
	void aSmallSpoolThroughAnOutageAccountsForEveryLineExactly() throws Exception {
		AtomicBoolean down = new AtomicBoolean(true);
		server.setResponder(() -> down.get() ? StubResponse.status(503) : StubResponse.noContent());
		BatchingWriteApi writer = this.fixture.writer(WebClient.create(), (o) -> o.batchSize(1000)
			.minRetryDelay(Duration.ofMillis(20))
			.maxRetryDelay(Duration.ofMillis(50)), (builder) -> builder.spool(this.directory,
					SpoolSettings.defaults().withFsync(false).withMaxSize(256 * 1024).withSegmentSize(64 * 1024)));
		writer.writeRecords(WriterFixture.records(50_000));
		writer.flush();
		await().until(() -> writer.getStatistics().droppedOverflow() > 0);
		assertThat(writer.getStatistics().spooledBytes()).isLessThanOrEqualTo(256 * 1024);
		down.set(false);
		writer.flush(true).get(10, TimeUnit.SECONDS);
		WriteStatistics stats = writer.getStatistics();
		assertThat(stats.written() + stats.dropped()).isEqualTo(50_000);
		assertThat(stats.failed()).isZero();
		assertThat(server.receivedLines()).hasSize((int) stats.written())
			.isSubsetOf(WriterFixture.records(50_000))
			.doesNotHaveDuplicates();
		assertThat(stats.spooledLines()).isZero();
	}

	@Test
	void aTornSpoolSendsTheIntactBatchesOnly() throws Exception {
		BatchingWriteApi first = neverSending((o) -> o.batchSize(100));
		first.writeRecords(WriterFixture.records(1000));
		await().until(() -> first.getStatistics().spooledLines() == 1000);
		first.close();
		Path segment;
		try (Stream<Path> files = Files.list(this.directory)) {
			segment = files.filter((file) -> file.toString().endsWith(".spool")).max(Path::compareTo).orElseThrow();
		}
		try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
			channel.truncate(channel.size() - 3);
		}
		server.reset();
		server.setDefaultResponse(StubResponse.noContent());
		BatchingWriteApi second = spooled((o) -> o);
		second.flush().get(10, TimeUnit.SECONDS);
		long replayed = second.getStatistics().replayed();
		assertThat(replayed).isEqualTo(900);
		assertThat(server.receivedLines()).hasSize(900).isSubsetOf(WriterFixture.records(1000)).doesNotHaveDuplicates();
	}

	@Test
	void aBatchTheSpoolCannotTakeIsStillSentFromMemory() throws Exception {
		BatchingWriteApi writer = this.fixture.writer(WebClient.create(), (o) -> o.batchSize(10),
				(builder) -> builder.spool(this.directory, SpoolSettings.defaults().withFsync(false).withMaxSize(50)));
		writer.writeRecords(WriterFixture.records(30));
		writer.flush().get(10, TimeUnit.SECONDS);
		WriteStatistics stats = writer.getStatistics();
		assertThat(stats.written()).isEqualTo(30);
		assertThat(stats.failed()).isZero();
		assertThat(stats.spooledLines()).isZero();
		assertThat(server.receivedLines()).containsExactlyInAnyOrderElementsOf(WriterFixture.records(30));
	}

	@Test
	void whileTheSpoolTakesNoBatchesBackpressureDoesNotWaitForItOnAFailingServer() {
		server.setDefaultResponse(StubResponse.status(503));
		BatchingWriteApi writer = this.fixture.writer(WebClient.create(),
				(o) -> o.batchSize(10).bufferLimit(10).blockTimeout(Duration.ofHours(1)),
				(builder) -> builder.spool(this.directory, SpoolSettings.defaults().withFsync(false).withMaxSize(50)));
		CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < 20; i++) {
				writer.writeRecords(WriterFixture.records(100));
			}
		});
		assertThat(writes).succeedsWithin(Duration.ofSeconds(30));
		assertThat(writer.getStatistics().droppedOverflow()).isPositive();
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void aBatchFailedWithoutAnAnswerKeepsItsRecordForTheNextStart() throws Exception {
		WebClient failing = WebClient.builder().filter((request, next) -> {
			throw new IllegalStateException("the connection pool is closed");
		}).build();
		BatchingWriteApi first = this.fixture.writer(failing, (o) -> o.batchSize(10),
				(builder) -> builder.spool(this.directory, SpoolSettings.defaults().withFsync(false)));
		first.writeRecords(WriterFixture.records(20));
		first.flush().handle((ignored, failure) -> null).get(10, TimeUnit.SECONDS);
		assertThat(first.getStatistics().failed()).isEqualTo(20);
		assertThat(first.getStatistics().spooledLines()).isEqualTo(20);
		first.close();
		BatchingWriteApi second = spooled((o) -> o);
		second.flush().get(10, TimeUnit.SECONDS);
		assertThat(second.getStatistics().replayed()).isEqualTo(20);
		assertThat(second.getStatistics().written()).isEqualTo(20);
		assertThat(server.receivedLines()).containsExactlyInAnyOrderElementsOf(WriterFixture.records(20));
	}

	@Test
	void aDirectoryServesOneWriterAtATime() {
		spooled((o) -> o);
		assertThatIllegalStateException().isThrownBy(() -> spooled((o) -> o))
			.isInstanceOf(SpoolLockedException.class)
			.withMessageContaining(this.directory.toString());
	}

	@Test
	void withoutASpoolARetryableFailureStillEndsAfterTheRetryTime() {
		server.setDefaultResponse(StubResponse.status(503));
		BatchingWriteApi writer = this.fixture.writer((o) -> o.maxRetryTime(Duration.ofMillis(30)));
		writer.writeRecords(WriterFixture.records(3));
		writer.flush();
		await().until(() -> writer.getStatistics().failed() == 3);
		assertThat(writer.getStatistics().spooledLines()).isZero();
	}

	/** A spooled writer whose requests never reach the server and never end, closed without waiting. */
	private BatchingWriteApi neverSending(UnaryOperator<WriteOptions.Builder> options) {
		return this.fixture.writer(WriterFixture.neverSending(), (o) -> options.apply(o.closeTimeout(Duration.ZERO)),
				(builder) -> builder.spool(this.directory, SpoolSettings.defaults().withFsync(false)));
	}

	private BatchingWriteApi spooled(UnaryOperator<WriteOptions.Builder> options) {
		return this.fixture.writer(WebClient.create(), options, (builder) -> builder.spool(this.directory,
				SpoolSettings.defaults().withFsync(false)));
	}

}
