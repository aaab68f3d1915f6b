package io.influxspring.testsupport;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class QuestDbServerTest {

	@RegisterExtension
	static final QuestDbServer questdb = new QuestDbServer();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void writesPlainLineProtocolAndReadsItBack() throws Exception {
		String lines = "cpu,host=a usage=1.5,count=3i,note=\"x y\" 1700000000000000000\n"
				+ "cpu,host=b usage=2,count=4i,note=\"z\" 1700000001000000000\n";
		assertThat(write(lines.getBytes(StandardCharsets.UTF_8), false)).isEqualTo(204);
		questdb.awaitCount("cpu", 2, Duration.ofSeconds(10));
		List<List<Object>> rows = questdb.sql("SELECT host, usage, count, note, timestamp FROM cpu ORDER BY timestamp");
		assertThat(rows.get(0)).containsExactly("a", 1.5, 3, "x y", "2023-11-14T22:13:20.000000Z");
		assertThat(rows.get(1)).containsExactly("b", 2.0, 4, "z", "2023-11-14T22:13:21.000000Z");
	}

	@Test
	void acceptsGzipCompressedBodies() throws Exception {
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
			gzip.write("mem,host=a used=10i 1700000000000000000\nmem,host=a used=11i 1700000002000000000\n"
				.getBytes(StandardCharsets.UTF_8));
		}
		assertThat(write(gzipped.toByteArray(), true)).isEqualTo(204);
		questdb.awaitCount("mem", 2, Duration.ofSeconds(10));
		assertThat(questdb.sql("SELECT sum(used) FROM mem")).containsExactly(List.of(21));
	}

	@Test
	void countIsZeroForMissingTablesAndErrorsCarryTheResponse() {
		assertThat(questdb.count("does_not_exist")).isZero();
		assertThatIllegalStateException().isThrownBy(() -> questdb.sql("SELECT * FROM does_not_exist"))
			.withMessageContaining("table does not exist");
	}

	private int write(byte[] body, boolean gzip) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(questdb.url() + "/api/v2/write?precision=ns"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (gzip) {
			request.header("Content-Encoding", "gzip");
		}
		HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).isEmpty();
		return response.statusCode();
	}

}
