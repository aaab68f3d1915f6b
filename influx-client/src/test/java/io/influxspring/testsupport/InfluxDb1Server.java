package io.influxspring.testsupport;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;

/**
 * InfluxDB 1.x ({@code influxd} from the Debian package {@code influxdb}) running as a child process on free
 * 127.0.0.1 ports with its data in a private temp directory.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final InfluxDb1Server influx = new InfluxDb1Server();
 * </pre>
 */
public class InfluxDb1Server extends ExternalProcessServer {

	private static final Configuration JSON = Configuration.defaultConfiguration()
		.addOptions(Option.SUPPRESS_EXCEPTIONS);

	private volatile int httpPort;

	private final TestCertificate certificate;

	/** Creates a server; call {@link #start()} or register it as a JUnit extension. */
	public InfluxDb1Server() {
		this(null);
	}

	/** Creates a server that serves HTTPS only, with the given certificate. */
	public InfluxDb1Server(TestCertificate certificate) {
		super("influxd", "apt-get install influxdb");
		this.certificate = certificate;
	}

	@Override
	protected void prepare(Path dir) throws IOException {
		this.httpPort = TestServers.freePort();
		int rpcPort = TestServers.freePort();
		// Debian's 1.6 build reads "reporting-enabled" (default false) and ignores upstream's "reporting-disabled".
		String config = String.join("\n", "reporting-disabled = true", "reporting-enabled = false",
				"bind-address = \"127.0.0.1:" + rpcPort + "\"", "[meta]", "  dir = " + tomlPath(dir.resolve("meta")),
				"[data]", "  dir = " + tomlPath(dir.resolve("data")), "  wal-dir = " + tomlPath(dir.resolve("wal")),
				"  query-log-enabled = false", "[http]", "  bind-address = \"127.0.0.1:" + this.httpPort + "\"",
				"  log-enabled = false", https(), "[monitor]", "  store-enabled = false", "");
		Files.writeString(dir.resolve("influxdb.conf"), config, StandardCharsets.UTF_8);
	}

	private String https() {
		if (this.certificate == null) {
			return "";
		}
		return String.join("\n", "  https-enabled = true",
				"  https-certificate = " + tomlPath(this.certificate.certificateFile()),
				"  https-private-key = " + tomlPath(this.certificate.privateKeyFile()));
	}

	@Override
	protected SimpleHttp newHttp() {
		return (this.certificate != null) ? new SimpleHttp(this.certificate.sslContext()) : new SimpleHttp();
	}

	@Override
	protected List<String> arguments(Path dir) {
		return List.of("-config", dir.resolve("influxdb.conf").toString());
	}

	@Override
	protected void environment(Map<String, String> environment) {
		// INFLUXDB_* variables would override the generated config
		environment.keySet().removeIf((name) -> name.startsWith("INFLUXDB_"));
	}

	@Override
	protected String readinessUrl() {
		return url() + "/ping";
	}

	@Override
	protected int readyStatus() {
		return 204;
	}

	/** Base URL, e.g. {@code http://127.0.0.1:PORT} ({@code https} with a certificate). */
	public String url() {
		return ((this.certificate != null) ? "https" : "http") + "://127.0.0.1:" + port();
	}

	/** HTTP API port. */
	public int port() {
		requireStarted();
		return this.httpPort;
	}

	/** Creates a database (no-op if it exists). */
	public void createDatabase(String name) {
		execute(null, "CREATE DATABASE " + quoteIdentifier(name), null);
	}

	/** Writes line protocol to {@code /write?db=...} (nanosecond precision) and fails unless it answers 204. */
	public void write(String database, String lineProtocol) {
		HttpResponse<String> response = http().post(url() + "/write?db=" + SimpleHttp.encode(database),
				"text/plain; charset=utf-8", lineProtocol.getBytes(StandardCharsets.UTF_8));
		if (response.statusCode() != 204) {
			throw new IllegalStateException("Write failed with " + response.statusCode() + ": " + response.body());
		}
	}

	/**
	 * Runs an InfluxQL query and returns the {@code values} rows of the first series of the first result (time as
	 * RFC3339 strings); an empty list when there is no series.
	 * @throws IllegalStateException with the response JSON when the result contains an error
	 */
	public List<List<Object>> query(String database, String influxql) {
		return query(database, influxql, null);
	}

	/**
	 * Like {@link #query(String, String)} but with times as epoch numbers in the given precision ({@code ns},
	 * {@code u}, {@code ms}, {@code s}); {@code null} keeps RFC3339 strings.
	 */
	public List<List<Object>> query(String database, String influxql, String epoch) {
		DocumentContext json = execute(database, influxql, epoch);
		List<List<Object>> values = json.read("$.results[0].series[0].values");
		return (values != null) ? values : List.of();
	}

	/**
	 * Counts points: given a measurement name, the number of rows of {@code SELECT * FROM "name"} (exact, meant for
	 * test-sized data); given a query starting with {@code SELECT}, the first value after {@code time} of its first
	 * row. Returns 0 when there is no data.
	 */
	public long count(String database, String measurementQueryOrName) {
		if (measurementQueryOrName.trim().toUpperCase(Locale.ROOT).startsWith("SELECT ")) {
			List<List<Object>> rows = query(database, measurementQueryOrName);
			return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(1)).longValue();
		}
		return query(database, "SELECT * FROM " + quoteIdentifier(measurementQueryOrName), "ns").size();
	}

	/** Quotes an InfluxQL identifier with double quotes. */
	public static String quoteIdentifier(String name) {
		return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private DocumentContext execute(String database, String influxql, String epoch) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("q", influxql);
		if (database != null) {
			form.put("db", database);
		}
		if (epoch != null) {
			form.put("epoch", epoch);
		}
		HttpResponse<String> response = http().postForm(url() + "/query", form);
		if (response.statusCode() == 200) {
			DocumentContext json = JsonPath.using(JSON).parse(response.body());
			if (json.read("$.error") == null && json.read("$.results[0].error") == null) {
				return json;
			}
		}
		throw new IllegalStateException(
				"InfluxQL '" + influxql + "' failed with HTTP " + response.statusCode() + ": " + response.body());
	}

	private static String tomlPath(Path path) {
		return "\"" + path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
