package io.influxspring.write.engine;

import java.time.Duration;
import java.util.List;

import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.testsupport.StubResponse;
import io.influxspring.write.WriteFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Partial writes counted line by line, with the answers of InfluxDB 2.x, 3.x and Cloud that no
 * server here gives (InfluxDB 1.6's own answers are tested against the real server): never "all
 * failed" after the server said it kept lines, never "written" after it refused the batch.
 */
class PartialWriteTest {

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	@RegisterExtension
	final WriterFixture fixture = new WriterFixture(server);

	@Test
	void anInfluxDb3RefusalWithoutAcceptPartialFailsTheWholeBatchThoughItNamesALine() {
		server.enqueue(StubResponse.status(400)
			.jsonBody("{\"error\":\"parsing failed for write_lp endpoint\",\"data\":{\"original_line\":\"m v=1i\","
					+ "\"line_number\":2,\"error_message\":\"invalid column type\"}}"));
		BatchingWriteApi writer = writeThreeLines();
		assertThat(writer.getStatistics().written()).isZero();
		assertThat(writer.getStatistics().failed()).isEqualTo(3);
		assertThat(onlyFailure().lines().size()).isEqualTo(3);
		assertThat(this.fixture.listener.successes).isEmpty();
	}

	@Test
	void anInfluxDb1PartialWriteNamesTheLinesItCouldNotParse() {
		server.enqueue(StubResponse.status(400)
			.jsonBody("{\"error\":\"partial write: unable to parse 'm v=0i': invalid boolean\\n"
					+ "unable to parse 'm v=2i': missing fields dropped=0\"}"));
		BatchingWriteApi writer = writeThreeLines();
		assertThat(writer.getStatistics().written()).isEqualTo(1);
		assertThat(writer.getStatistics().failed()).isEqualTo(2);
		assertThat(onlyFailure().lines().lines()).containsExactly("m v=0i", "m v=2i");
		assertThat(this.fixture.listener.successes.get(0).lines().lines()).containsExactly("m v=1i");
		assertThat(server.requestCount()).as("not retried").isEqualTo(1);
	}

	@Test
	void aPartialWriteThatOnlyCountsItsDropsIsReportedAsUncertain() {
		server.enqueue(StubResponse.status(400)
			.jsonBody("{\"error\":\"partial write: points beyond retention policy dropped=2\"}"));
		BatchingWriteApi writer = writeThreeLines();
		assertThat(writer.getStatistics().written()).isEqualTo(1);
		assertThat(writer.getStatistics().failed()).isEqualTo(2);
		WriteFailure failure = onlyFailure();
		assertThat(failure.isUncertain()).isTrue();
		assertThat(failure.refusedLines()).isEqualTo(2);
		assertThat(failure.lines().size()).isEqualTo(3);
		assertThat(failure.reason()).hasMessageContaining("kept 1 of 3 lines").hasMessageContaining("did not say");
	}

	@Test
	void anInfluxDb2PartialWriteIsA422WithTheDropCount() {
		server.enqueue(StubResponse.status(422)
			.jsonBody("{\"code\":\"unprocessable entity\",\"message\":\"failure writing points to database: "
					+ "partial write: field type conflict: input field \\\"v\\\" on measurement \\\"m\\\" is type float, "
					+ "already exists as type integer dropped=1\"}"));
		BatchingWriteApi writer = writeThreeLines();
		assertThat(writer.getStatistics().written()).isEqualTo(2);
		assertThat(writer.getStatistics().failed()).isEqualTo(1);
		assertThat(onlyFailure().isUncertain()).isTrue();
	}

	@Test
	void anInfluxDbCloudPartialWriteNamesItsLinesByNumber() {
		server.enqueue(StubResponse.status(400)
			.jsonBody("{\"code\":\"invalid\",\"line\":2,\"message\":\"partial write has occurred, errors encountered on"
					+ " line(s): error parsing line 2 (1-based): Invalid measurement was provided\"}"));
		BatchingWriteApi writer = writeThreeLines();
		assertThat(writer.getStatistics().written()).isEqualTo(2);
		assertThat(onlyFailure().lines().lines()).containsExactly("m v=1i");
	}

	@Test
	void errorsTheServerCallsPermanentAreNotRetriedWhateverTheStatus() {
		server.enqueue(StubResponse.status(500).jsonBody("{\"error\":\"retention policy not found: nope\"}"));
		BatchingWriteApi writer = writeThreeLines();
		assertThat(writer.getStatistics().failed()).isEqualTo(3);
		assertThat(writer.getStatistics().retries()).isZero();
		assertThat(onlyFailure().isExpired()).isFalse();
		assertThat(server.requestCount()).isEqualTo(1);
	}

	private BatchingWriteApi writeThreeLines() {
		BatchingWriteApi writer = this.fixture.writer((o) -> o.minRetryDelay(Duration.ofMillis(10)));
		writer.writeRecords(WriterFixture.records(3));
		writer.flush().handle((done, ex) -> null).join();
		await().until(() -> !this.fixture.listener.failures.isEmpty());
		WriterFixture.assertAccounted(writer);
		return writer;
	}

	private WriteFailure onlyFailure() {
		List<WriteFailure> failures = this.fixture.listener.failures;
		assertThat(failures).hasSize(1);
		return failures.get(0);
	}

}
