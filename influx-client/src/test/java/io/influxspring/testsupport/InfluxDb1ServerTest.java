package io.influxspring.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class InfluxDb1ServerTest {

	@RegisterExtension
	static final InfluxDb1Server influx = new InfluxDb1Server();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void writesAndReadsBackLineProtocol() throws Exception {
		influx.createDatabase("metrics");
		String lines = "cpu,host=a usage=1.5,count=3i,note=\"x y\" 1000000000\ncpu,host=b usage=2 2000000000";
		assertThat(write("metrics", lines)).isEqualTo(204);
		List<List<Object>> rows = influx.query("metrics", "SELECT host, usage, \"count\", note FROM cpu", "ns");
		assertThat(rows).hasSize(2);
		assertThat(((Number) rows.get(0).get(0)).longValue()).isEqualTo(1_000_000_000L);
		assertThat(rows.get(0).subList(1, 5)).containsExactly("a", 1.5, 3, "x y");
		assertThat(((Number) rows.get(1).get(0)).longValue()).isEqualTo(2_000_000_000L);
		assertThat(influx.query("metrics", "SELECT * FROM cpu").get(0).get(0)).isEqualTo("1970-01-01T00:00:01Z");
		assertThat(influx.count("metrics", "cpu")).isEqualTo(2);
		assertThat(influx.count("metrics", "SELECT count(usage) FROM cpu")).isEqualTo(2);
		assertThat(influx.count("metrics", "missing")).isZero();
		assertThat(influx.query("metrics", "SELECT * FROM missing")).isEmpty();
	}

	@Test
	void reportsQueryErrorsWithTheResponse() {
		assertThatIllegalStateException().isThrownBy(() -> influx.query("nodb", "SELECT * FROM cpu"))
			.withMessageContaining("database not found");
		assertThatIllegalStateException().isThrownBy(() -> influx.query("nodb", "SELEKT"))
			.withMessageContaining("error parsing query");
	}

	@Test
	void killAndRestartKeepDataAndPort() throws Exception {
		influx.createDatabase("durable");
		influx.write("durable", "m v=1 1\nm v=2 2");
		int port = influx.port();
		influx.kill();
		assertThat(influx.isRunning()).isFalse();
		assertThat(new SimpleHttp().answers(influx.url() + "/ping", 204)).isFalse();
		influx.restart();
		assertThat(influx.isRunning()).isTrue();
		assertThat(influx.port()).isEqualTo(port);
		assertThat(influx.count("durable", "m")).isEqualTo(2);
	}

	@Test
	void startupFailureReportsTheLogTailAndCleansUp() {
		InfluxDb1Server broken = new InfluxDb1Server() {
			@Override
			protected void prepare(Path dir) throws IOException {
				super.prepare(dir);
				Files.writeString(dir.resolve("influxdb.conf"), "[http]\n", StandardOpenOption.APPEND);
			}
		};
		assertThatIllegalStateException().isThrownBy(broken::start)
			.withMessageContaining("influxd exited with code")
			.withMessageContaining("Last log lines:")
			.withMessageContaining("parse config");
		assertThat(broken.directory()).isNull();
		assertThat(broken.isRunning()).isFalse();
	}

	@Test
	void aPortTakenBeforeTheServerBindsItIsReplacedByAnother() throws Exception {
		List<ServerSocket> taken = new ArrayList<>();
		InfluxDb1Server raced = new InfluxDb1Server() {
			@Override
			protected void prepare(Path dir) throws IOException {
				super.prepare(dir);
				if (taken.isEmpty()) {
					taken.add(new ServerSocket(port(), 1, InetAddress.getLoopbackAddress()));
				}
			}
		};
		try {
			raced.start();
			assertThat(taken).hasSize(1);
			assertThat(raced.port()).isNotEqualTo(taken.get(0).getLocalPort());
			raced.createDatabase("raced");
			raced.write("raced", "m v=1 1");
			assertThat(raced.count("raced", "m")).isEqualTo(1);
		}
		finally {
			raced.stop();
			for (ServerSocket socket : taken) {
				socket.close();
			}
		}
	}

	private int write(String database, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(influx.url() + "/write?db=" + database))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
