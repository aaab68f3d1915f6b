package io.influxspring.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class StubInfluxServerInstanceFieldTest {

	@RegisterExtension
	final StubInfluxServer stub = new StubInfluxServer();

	@RepeatedTest(2)
	void startsFreshForEachTest() throws Exception {
		assertThat(this.stub.requestCount()).isZero();
		this.stub.enqueue(StubResponse.status(500));
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.stub.url() + "/ping")).build();
		assertThat(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(500);
		assertThat(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
	}

}
