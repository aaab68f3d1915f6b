package io.influxspring.write;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.influxspring.testsupport.RecordedRequest;
import io.influxspring.testsupport.StubInfluxServer;
import io.influxspring.write.engine.BatchingWriteApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WriteTargetTest {

	@RegisterExtension
	static final StubInfluxServer server = new StubInfluxServer();

	@Test
	void v1WritesToADatabaseWithBasicAuthentication() {
		WriteTarget target = WriteTarget.v1("http://localhost:8086/")
			.database("tele graf")
			.retentionPolicy("autogen")
			.precision(WritePrecision.US)
			.username("user")
			.password("pa:ss")
			.token("ignored")
			.build();
		assertThat(target.apiVersion()).isEqualTo(InfluxApiVersion.V1);
		assertThat(target.baseUrl()).isEqualTo("http://localhost:8086");
		assertThat(target.path()).isEqualTo("/write?db=tele%20graf&rp=autogen&precision=u");
		assertThat(target.authorization()).isEqualTo("Basic dXNlcjpwYTpzcw==");
	}

	@Test
	void v1WithoutUserNameSendsTheTokenOrNothing() {
		assertThat(WriteTarget.v1("http://h").database("d").token("t").build().authorization()).isEqualTo("Token t");
		WriteTarget anonymous = WriteTarget.v1("http://h").database("d").build();
		assertThat(anonymous.authorization()).isNull();
		assertThat(anonymous.path()).isEqualTo("/write?db=d&precision=ns");
	}

	@Test
	void v2WritesToABucketOfAnOrganizationWithAToken() {
		WriteTarget target = WriteTarget.v2("https://influx.example.com/ctx").token("s3cr3t").org("my org").bucket("b&c").build();
		assertThat(target.baseUrl()).isEqualTo("https://influx.example.com/ctx");
		assertThat(target.path()).isEqualTo("/api/v2/write?org=my%20org&bucket=b%26c&precision=ns");
		assertThat(target.authorization()).isEqualTo("Token s3cr3t");
		assertThat(target).hasToString("WriteTarget[https://influx.example.com/ctx/api/v2/write?org=my%20org&bucket=b%26c&precision=ns]");
		assertThat(target.toString()).doesNotContain("s3cr3t");
	}

	@Test
	void v2NamesTheOrganizationByIdOrNotAtAll() {
		assertThat(WriteTarget.v2("http://h").orgId("0123").bucket("b").precision(WritePrecision.MS).build().path())
			.isEqualTo("/api/v2/write?orgID=0123&bucket=b&precision=ms");
		assertThat(WriteTarget.v2("http://h").bucket("b").build().path()).isEqualTo("/api/v2/write?bucket=b&precision=ns");
	}

	@Test
	void v3WritesToADatabaseWithABearerToken() {
		WriteTarget target = WriteTarget.v3("http://h:8181").token("t").database("d").precision(WritePrecision.S).noSync(true).build();
		assertThat(target.path()).isEqualTo("/api/v3/write_lp?db=d&precision=second&accept_partial=true&no_sync=true");
		assertThat(target.authorization()).isEqualTo("Bearer t");
		assertThat(WriteTarget.builder(InfluxApiVersion.V3, "http://h").database("d").acceptPartial(false).build().path())
			.isEqualTo("/api/v3/write_lp?db=d&precision=nanosecond&accept_partial=false&no_sync=false");
	}

	@Test
	void namesTheMissingParameter() {
		assertThatIllegalArgumentException().isThrownBy(() -> WriteTarget.v2("http://h").org("o").build())
			.withMessage("bucket is required with API v2");
		assertThatIllegalArgumentException().isThrownBy(() -> WriteTarget.v1("http://h").bucket("b").build())
			.withMessage("database is required with API v1");
		assertThatIllegalArgumentException().isThrownBy(() -> WriteTarget.v3("http://h").database(" ").build())
			.withMessage("database is required with API v3");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WriteTarget.v2("http://h").org("o").orgId("i").bucket("b").build())
			.withMessageContaining("org and orgId are both set");
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost:8086", "ftp://host", "http://", "http://h:8086?x=1", "http://h#f", "http://h x",
			"/relative" })
	void refusesAUrlThatIsNotAnHttpBaseUrl(String url) {
		assertThatIllegalArgumentException().isThrownBy(() -> WriteTarget.v2(url).bucket("b").build())
			.withMessageStartingWith("url ");
	}

	@Test
	void refusesCredentialsInTheUrlWithoutEchoingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> WriteTarget.v2("http://user:pw@h").bucket("b").build())
			.withMessageStartingWith("url must not carry credentials")
			.withMessageNotContaining("pw");
	}

	@Test
	void refusesControlCharactersInSecretsWithoutEchoingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> WriteTarget.v2("http://h").bucket("b").token("t0k3n\n").build())
			.withMessageStartingWith("token must not contain a control character")
			.withMessageNotContaining("t0k3n");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WriteTarget.v1("http://h").database("d").username("u").password("p\r").build())
			.withMessageStartingWith("password must not contain a control character");
	}

	@Test
	void setsPathAndAuthorizationOfAWriter() throws Exception {
		WriteTarget target = WriteTarget.v2(server.url()).token("t").org("o").bucket("b").build();
		try (BatchingWriteApi writeApi = BatchingWriteApi.builder(WebClient.create(), target.baseUrl()).target(target).build()) {
			assertThat(writeApi.getPath()).isEqualTo(target.path());
			writeApi.writeRecord("m v=1i");
			writeApi.flush().get(5, TimeUnit.SECONDS);
		}
		RecordedRequest request = server.takeRequest(Duration.ofSeconds(5));
		assertThat(request.target()).isEqualTo("/api/v2/write?org=o&bucket=b&precision=ns");
		assertThat(request.header("Authorization")).isEqualTo("Token t");
		assertThat(request.body()).isEqualTo("m v=1i\n");
	}

	@Test
	void aWriterRefusesOptionsWhosePrecisionDiffersFromItsTarget() {
		WriteTarget target = WriteTarget.v2("http://127.0.0.1:1").bucket("b").precision(WritePrecision.MS).build();
		assertThat(target.precision()).isEqualTo(WritePrecision.MS);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BatchingWriteApi.builder(WebClient.create(), target.baseUrl()).target(target).build())
			.withMessage("The target reads timestamps in MS but the options write them in NS; set WriteOptions.precision(MS)");
		BatchingWriteApi writer = BatchingWriteApi.builder(WebClient.create(), target.baseUrl())
			.target(target)
			.options(WriteOptions.builder().precision(WritePrecision.MS).build())
			.build();
		assertThat(writer.getPath()).isEqualTo("/api/v2/write?bucket=b&precision=ms");
		writer.dispose();
	}

}
