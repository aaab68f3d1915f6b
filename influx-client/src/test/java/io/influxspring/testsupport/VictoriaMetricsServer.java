package io.influxspring.testsupport;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;

/**
 * VictoriaMetrics single-node ({@code victoria-metrics} from the Debian package of that name) running as a child
 * process on a free 127.0.0.1 port with its storage in a private temp directory. It accepts InfluxDB line protocol
 * on {@code /write} and {@code /api/v2/write}; a line {@code m,t=v f=1} becomes metric {@code m_f} with label
 * {@code t="v"}, and timestamps are truncated to milliseconds.
 */
public class VictoriaMetricsServer extends ExternalProcessServer {

	private volatile int httpPort;

	/** Creates a server; call {@link #start()} or register it as a JUnit extension. */
	public VictoriaMetricsServer() {
		super("victoria-metrics", "apt-get install victoria-metrics");
	}

	@Override
	protected void prepare(Path dir) {
		this.httpPort = TestServers.freePort();
	}

	@Override
	protected List<String> arguments(Path dir) {
		return List.of("-httpListenAddr=127.0.0.1:" + this.httpPort, "-storageDataPath=" + dir.resolve("data"),
				"-retentionPeriod=100y", "-selfScrapeInterval=0s", "-search.disableCache",
				"-search.latencyOffset=0s", "-http.maxGracefulShutdownDuration=1s");
	}

	@Override
	protected String readinessUrl() {
		return url() + "/health";
	}

	@Override
	protected int readyStatus() {
		return 200;
	}

	/** Base URL, e.g. {@code http://127.0.0.1:PORT}. */
	public String url() {
		return "http://127.0.0.1:" + port();
	}

	/** HTTP port. */
	public int port() {
		requireStarted();
		return this.httpPort;
	}

	/** Writes line protocol to {@code /api/v2/write} and fails unless it answers 204. */
	public void write(String lineProtocol) {
		HttpResponse<String> response = http().post(url() + "/api/v2/write", "text/plain; charset=utf-8",
				lineProtocol.getBytes(StandardCharsets.UTF_8));
		if (response.statusCode() != 204) {
			throw new IllegalStateException("Write failed with " + response.statusCode() + ": " + response.body());
		}
	}

	/** Flushes buffered samples to searchable storage ({@code /internal/force_flush}). */
	public void forceFlush() {
		HttpResponse<String> response = http().get(url() + "/internal/force_flush");
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"force_flush failed with " + response.statusCode() + ": " + response.body());
		}
	}

	/**
	 * Exports all series matching a selector (e.g. {@code m_f} or {@code {__name__=~"m_.*"}}) as JSON lines, one
	 * series per line: {@code {"metric":{...},"values":[...],"timestamps":[...]}}. Call {@link #forceFlush()} first;
	 * brand-new series may still take about a second to become searchable.
	 */
	public List<String> export(String matchSelector) {
		String url = url() + "/api/v1/export?match[]=" + SimpleHttp.encode(matchSelector);
		HttpResponse<String> response = http().get(url);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Export of " + matchSelector + " failed with " + response.statusCode()
					+ ": " + response.body());
		}
		return response.body().lines().filter((line) -> !line.isBlank()).collect(Collectors.toList());
	}

	/** Flushes, then counts the samples of all series of the metric (e.g. {@code m_f}). */
	public long countSamples(String metricName) {
		forceFlush();
		String selector = "{__name__=\"" + metricName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
		long count = 0;
		for (String line : export(selector)) {
			Integer values = JsonPath.read(line, "$.values.length()");
			count += values;
		}
		return count;
	}

	/** Polls {@link #countSamples(String)} until it equals {@code expected}. */
	public void awaitSamples(String metricName, long expected, Duration timeout) {
		Awaitility.await("samples of " + metricName)
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> countSamples(metricName), Matchers.equalTo(expected));
	}

}
