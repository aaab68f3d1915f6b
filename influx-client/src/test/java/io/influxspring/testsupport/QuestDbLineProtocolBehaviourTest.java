package io.influxspring.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Characterizes how QuestDB 9.3.4 parses line protocol edge cases over HTTP, one request per case.
 */
class QuestDbLineProtocolBehaviourTest {

	private static final String TS = " 1700000000000000000\n";

	@RegisterExtension
	static final QuestDbServer questdb = new QuestDbServer();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	static Stream<Arguments> accepted() {
		return Stream.of(
				Arguments.of("escaped newline letter: backslash dropped", "qa2",
						"qa2 s=\"line1\\nline2\"" + TS, "s", List.of("line1nline2")),
				Arguments.of("backslash + raw newline: newline kept", "qa3",
						"qa3 s=\"a\\\nb\"" + TS, "s", List.of("a\nb")),
				Arguments.of("tab in tag value", "qb",
						"qb,t=a\tb f=1" + TS, "t", List.of("a\tb")),
				Arguments.of("\\\\ and \\\" in string field", "qc",
						"qc s=\"a\\\\b\\\"c\"" + TS, "s", List.of("a\\b\"c")),
				Arguments.of("other escapes in string field: backslash dropped", "qc2",
						"qc2 s=\"a\\tb\\,c\"" + TS, "s", List.of("atb,c")),
				Arguments.of("escaped comma, space, equals in tag", "qd",
						"qd,t=a\\,b\\ c\\=d f=1" + TS, "t", List.of("a,b c=d")),
				Arguments.of("double backslash in tag: unescaped", "qd2",
						"qd2,t=a\\\\b f=1" + TS, "t", List.of("a\\b")),
				Arguments.of("escaped space and equals in field key", "qk",
						"qk f\\ x\\=y=1" + TS, "\"f x=y\"", List.of(1.0)),
				Arguments.of("exponent floats", "qe",
						"qe f=1.5E-10,g=2e3,h=-1.5e+10" + TS, "f, g, h", List.of(1.5E-10, 2000.0, -1.5E10)),
				Arguments.of("non-ASCII tag and string", "qg",
						"qg,t=Zürich€日本 s=\"ünï\"" + TS, "t, s", List.of("Zürich€日本", "ünï")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("accepted")
	void acceptedLinesReadBack(String description, String table, String body, String columns, List<Object> expected)
			throws Exception {
		HttpResponse<String> response = write(body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
		questdb.awaitCount(table, 1, Duration.ofSeconds(10));
		assertThat(questdb.sql("SELECT " + columns + " FROM " + table)).containsExactly(expected);
	}

	static Stream<Arguments> rejected() {
		return Stream.of(
				Arguments.of("raw newline in string field", "ra s=\"line1\nline2\"" + TS, "field value is invalid"),
				Arguments.of("tab in measurement", "rb\tx,t=a f=1" + TS, "invalid table name"),
				Arguments.of("escaped space and comma in measurement", "rd\\ x\\,y f=1" + TS, "invalid table name"),
				Arguments.of("escaped comma in field key", "re f\\ x\\,y=1" + TS, "invalid column name"),
				Arguments.of("unsigned integer", "rf f=5u" + TS, "field value is invalid"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejected")
	void rejectedLinesAnswer400(String description, String body, String message) throws Exception {
		HttpResponse<String> response = write(body);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":\"invalid\"", message);
	}

	@Test
	void oneBadLineRejectsTheWholeRequest() throws Exception {
		HttpResponse<String> response = write("qn f=1" + TS + "qn f=1u" + TS);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("error in line 2", "\"line\":2");
		assertThat(write("qn f=2" + TS).statusCode()).isEqualTo(204);
		questdb.awaitCount("qn", 1, Duration.ofSeconds(10));
		assertThat(questdb.sql("SELECT f FROM qn")).containsExactly(List.of(2.0));
	}

	private HttpResponse<String> write(String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(questdb.url() + "/api/v2/write?precision=ns"))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
