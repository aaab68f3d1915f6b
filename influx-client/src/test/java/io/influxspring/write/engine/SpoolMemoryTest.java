package io.influxspring.write.engine;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.testsupport.StubResponse;
import io.influxspring.write.WriteDrop;
import io.influxspring.write.WriteOptions;
import io.influxspring.write.spool.SpoolSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a spool, memory stays bounded by {@code buffer-limit} and {@code buffer-memory} through an
 * outage: batches on disk leave memory and are read back as they are sent, batches found at start
 * are read as they are sent, and lines dropped or given up while on disk are reported with their
 * lines.
 */
class SpoolMemoryTest {

	private static final int MEMORY = 64 * 1024;

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	@RegisterExtension
	final WriterFixture fixture = new WriterFixture(server);

	@TempDir
	Path directory;

	@Test
	void anOutageHoldsNoMoreThanBufferMemoryAndTheSpoolTheRest() throws Exception {
		AtomicBoolean down = new AtomicBoolean(true);
		server.setResponder(() -> down.get() ? StubResponse.status(503) : StubResponse.noContent());
		BatchingWriteApi writer = spooled(SpoolSettings.defaults().withFsync(false), (o) -> o.batchSize(100)
			.bufferLimit(1000)
			.maxRetryDelay(Duration.ofMillis(20)));
		writer.writeRecords(WriterFixture.records(20_000));
		writer.flush();
		WriteStatistics during = writer.getStatistics();
		assertThat(during.dropped()).as(during.toString()).isZero();
		assertThat(during.buffered()).isEqualTo(20_000);
		assertThat(during.bufferedBytes()).isLessThanOrEqualTo(MEMORY);
		down.set(false);
		writer.flush(true).get(30, TimeUnit.SECONDS);
		WriteStatistics after = writer.getStatistics();
		assertThat(after.written()).isEqualTo(20_000);
		assertThat(after.spooledLines()).isZero();
		assertThat(after.bufferedBytes()).isZero();
		assertThat(server.receivedLines()).containsExactlyInAnyOrderElementsOf(WriterFixture.records(20_000));
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void batchesFoundAtStartAreReadFromDiskAsTheyAreSent() throws Exception {
		spoolWithoutSending(20_000);
		AtomicBoolean down = new AtomicBoolean(true);
		server.setResponder(() -> down.get() ? StubResponse.status(503) : StubResponse.noContent());
		BatchingWriteApi writer = spooled(SpoolSettings.defaults().withFsync(false),
				(o) -> o.maxRetryDelay(Duration.ofMillis(20)));
		WriteStatistics atStart = writer.getStatistics();
		assertThat(atStart.replayed()).isEqualTo(20_000);
		assertThat(atStart.buffered()).isEqualTo(20_000);
		assertThat(atStart.bufferedBytes()).isLessThanOrEqualTo(MEMORY);
		down.set(false);
		writer.flush(true).get(30, TimeUnit.SECONDS);
		assertThat(writer.getStatistics().written()).isEqualTo(20_000);
		assertThat(server.receivedLines()).containsExactlyInAnyOrderElementsOf(WriterFixture.records(20_000));
		WriterFixture.assertAccounted(writer);
	}

	@Test
	void linesDroppedFromAFullSpoolAreReportedWithTheirLines() throws Exception {
		AtomicBoolean down = new AtomicBoolean(true);
		server.setResponder(() -> down.get() ? StubResponse.status(503) : StubResponse.noContent());
		BatchingWriteApi writer = spooled(SpoolSettings.defaults().withFsync(false).withMaxSize(256 * 1024)
			.withSegmentSize(64 * 1024), (o) -> o.maxRetryDelay(Duration.ofMillis(20)));
		writer.writeRecords(WriterFixture.records(50_000));
		writer.flush();
		await().until(() -> writer.getStatistics().droppedOverflow() > 0);
		down.set(false);
		writer.flush(true).get(30, TimeUnit.SECONDS);
		WriteStatistics stats = writer.getStatistics();
		assertThat(stats.written() + stats.droppedOverflow()).as(stats.toString()).isEqualTo(50_000);
		List<String> dropped = droppedLines(WriteDrop.Reason.OVERFLOW);
		assertThat(dropped).hasSize((int) stats.droppedOverflow());
		List<String> all = new ArrayList<>(server.receivedLines());
		all.addAll(dropped);
		assertThat(all).containsExactlyInAnyOrderElementsOf(WriterFixture.records(50_000));
	}

	@Test
	void aClosedWriterReportsTheLinesItLeavesOnDisk() throws Exception {
		spoolWithoutSending(20_000);
		List<String> leftOnDisk = droppedLines(WriteDrop.Reason.CLOSED);
		assertThat(leftOnDisk).containsExactlyElementsOf(WriterFixture.records(20_000));
	}

	@Test
	void aRecordCorruptedOnDiskFailsItsBatchAndNoOther() throws Exception {
		spoolWithoutSending(1000);
		CountDownLatch corrupted = new CountDownLatch(1);
		server.setResponder(() -> {
			try {
				corrupted.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return StubResponse.noContent();
		});
		BatchingWriteApi writer = spooled(SpoolSettings.defaults().withFsync(false),
				(o) -> o.maxConcurrentRequests(1));
		await().until(() -> writer.getStatistics().inFlightRequests() == 1);
		corruptLastRecord();
		corrupted.countDown();
		writer.flush().handle((ignored, error) -> null).get(30, TimeUnit.SECONDS);
		WriteStatistics stats = writer.getStatistics();
		assertThat(stats.failed()).isEqualTo(100);
		assertThat(stats.written()).isEqualTo(900);
		assertThat(stats.spooledLines()).isZero();
		assertThat(stats.spoolSkipped()).isEqualTo(1);
		assertThat(this.fixture.listener.failures).singleElement().satisfies((failure) -> {
			assertThat(failure.refusedLines()).isEqualTo(100);
			assertThat(failure.reason()).hasMessageContaining("spool");
		});
		assertThat(server.receivedLines()).containsExactlyElementsOf(WriterFixture.records(900));
		WriterFixture.assertAccounted(writer);
	}

	/**
	 * Spools {@code lines} lines in batches of 100 with a writer whose requests never reach the
	 * server and never end, then closes it: the lines stay on disk for the next writer.
	 */
	private void spoolWithoutSending(int lines) {
		BatchingWriteApi first = this.fixture.writer(WriterFixture.neverSending(), (o) -> o.batchSize(100)
			.maxBatchBytes(16 * 1024)
			.bufferMemory(MEMORY)
			.closeTimeout(Duration.ZERO),
				(builder) -> builder.spool(this.directory, SpoolSettings.defaults().withFsync(false)));
		first.writeRecords(WriterFixture.records(lines));
		first.flush();
		await().until(() -> first.getStatistics().spooledLines() == lines);
		first.close();
		assertThat(server.requestCount()).isZero();
	}

	private void corruptLastRecord() throws Exception {
		Path segment;
		try (Stream<Path> files = Files.list(this.directory)) {
			segment = files.filter((file) -> file.toString().endsWith(".spool")).max(Path::compareTo).orElseThrow();
		}
		try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
			channel.write(ByteBuffer.wrap(new byte[] { '#' }), channel.size() - 2);
		}
	}

	private List<String> droppedLines(WriteDrop.Reason reason) {
		return this.fixture.listener.drops.stream()
			.filter((drop) -> drop.reason() == reason)
			.flatMap((drop) -> drop.lines().lines().stream())
			.toList();
	}

	private BatchingWriteApi spooled(SpoolSettings settings, UnaryOperator<WriteOptions.Builder> options) {
		return this.fixture.writer(WebClient.create(),
				(o) -> options.apply(o.maxBatchBytes(16 * 1024).bufferMemory(MEMORY).minRetryDelay(Duration.ofMillis(5))),
				(builder) -> builder.spool(this.directory, settings));
	}

}
