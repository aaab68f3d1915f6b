package io.influxspring.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class VictoriaMetricsServerTest {

	@RegisterExtension
	static final VictoriaMetricsServer vm = new VictoriaMetricsServer();

	@Test
	void mapsLineProtocolFieldsToMetrics() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(vm.url() + "/api/v2/write?precision=ns"))
			.POST(HttpRequest.BodyPublishers.ofString(
					"cpu,host=a usage=1.5,count=3i 1700000000000000000\ncpu,host=a usage=2 1700000001000000000\n"))
			.build();
		HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(204);
		vm.awaitSamples("cpu_usage", 2, Duration.ofSeconds(10));
		assertThat(vm.countSamples("cpu_count")).isEqualTo(1);
		List<String> lines = vm.export("cpu_usage");
		assertThat(lines).singleElement()
			.satisfies((line) -> assertThat(line).contains("\"__name__\":\"cpu_usage\"", "\"host\":\"a\"",
					"\"values\":[1.5,2]", "\"timestamps\":[1700000000000,1700000001000]"));
		assertThat(vm.countSamples("missing")).isZero();
	}

	@Test
	void gracefulRestartKeepsDataOnTheSamePort() {
		vm.write("disk,dev=sda free=10 1700000000000000000");
		vm.awaitSamples("disk_free", 1, Duration.ofSeconds(10));
		int port = vm.port();
		vm.restart();
		assertThat(vm.port()).isEqualTo(port);
		assertThat(vm.countSamples("disk_free")).isEqualTo(1);
	}

	@Test
	void killStopsTheProcessAndRestartBringsItBack() {
		vm.kill();
		assertThat(vm.isRunning()).isFalse();
		assertThat(new SimpleHttp().answers(vm.url() + "/health", 200)).isFalse();
		vm.restart();
		vm.write("net,if=lo rx=5 1700000000000000000");
		vm.awaitSamples("net_rx", 1, Duration.ofSeconds(10));
	}

}
