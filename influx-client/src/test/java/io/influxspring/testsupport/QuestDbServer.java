package io.influxspring.testsupport;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.questdb.ServerMain;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In-process QuestDB (the {@code org.questdb:questdb} test dependency) with only its HTTP server enabled, bound to
 * a free 127.0.0.1 port, and its data in a private temp directory. It accepts InfluxDB line protocol on
 * {@code /write} and {@code /api/v2/write}; rows become visible to SQL shortly after the 204, so use
 * {@link #awaitCount(String, long, Duration)}.
 */
public class QuestDbServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

	/** System property QuestDB reads its log configuration file from. */
	private static final String LOG_CONFIG_PROPERTY = "out";

	/** Server properties as environment overrides ({@code QDB_X_Y} sets property {@code x.y}). */
	private static final Map<String, String> ENV = Map.of(
			"QDB_HTTP_NET_BIND_TO", "127.0.0.1:0",
			"QDB_PG_ENABLED", "false",
			"QDB_LINE_TCP_ENABLED", "false",
			"QDB_LINE_UDP_ENABLED", "false",
			"QDB_HTTP_MIN_ENABLED", "false",
			"QDB_TELEMETRY_ENABLED", "false",
			"QDB_METRICS_ENABLED", "false");

	private static volatile Path logFile;

	private volatile Path directory;

	private volatile ServerMain server;

	private volatile int httpPort;

	private volatile SimpleHttp http;

	private volatile Thread shutdownHook;

	/** Starts QuestDB in a new temp directory and waits for startup; no-op when already running. */
	public synchronized void start() {
		if (this.server != null) {
			return;
		}
		long started = System.nanoTime();
		try {
			quietLogging();
			this.directory = Files.createTempDirectory("questdb-test-");
			Thread hook = new Thread(this::emergencyCleanUp, "questdb-test-cleanup");
			Runtime.getRuntime().addShutdownHook(hook);
			this.shutdownHook = hook;
			ServerMain main = ServerMain.create(this.directory.toString(), ENV);
			this.server = main;
			main.start();
			main.awaitStartup();
			this.httpPort = main.getHttpServerPort();
			this.http = new SimpleHttp();
		}
		catch (IOException | RuntimeException ex) {
			stop();
			throw new IllegalStateException("QuestDB failed to start after "
					+ Duration.ofNanos(System.nanoTime() - started).toMillis() + "ms: " + ex + ". Last log lines:"
					+ System.lineSeparator() + TestServers.tail(logFile, 40), ex);
		}
	}

	/** Stops QuestDB and deletes its temp directory. */
	public synchronized void stop() {
		ServerMain main = this.server;
		this.server = null;
		this.http = null;
		if (main != null) {
			main.close();
		}
		Thread hook = this.shutdownHook;
		this.shutdownHook = null;
		if (hook != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException ex) {
				// JVM is already shutting down; the hook cleans up
			}
		}
		TestServers.deleteRecursively(this.directory);
		this.directory = null;
	}

	/** Same as {@link #stop()}. */
	@Override
	public void close() {
		stop();
	}

	/** Starts QuestDB before all tests of the class. */
	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	/** Stops QuestDB after all tests of the class. */
	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/** Base URL, e.g. {@code http://127.0.0.1:PORT}. */
	public String url() {
		return "http://127.0.0.1:" + port();
	}

	/** HTTP port (REST, line protocol and web console). */
	public int port() {
		requireStarted();
		return this.httpPort;
	}

	/** QuestDB's JVM-wide log file, or {@code null} when logging was configured elsewhere. */
	public static Path logFile() {
		return logFile;
	}

	/** The embedded server, for advanced use (e.g. {@code getEngine()}). */
	public ServerMain serverMain() {
		requireStarted();
		return this.server;
	}

	/**
	 * Runs SQL via {@code GET /exec} and returns the {@code dataset} rows (timestamps as ISO strings).
	 * @throws IllegalStateException with the response JSON when QuestDB reports an error
	 */
	public List<List<Object>> sql(String query) {
		HttpResponse<String> response = exec(query);
		if (response.statusCode() == 200) {
			Map<String, Object> root = JsonPath.read(response.body(), "$");
			if (!root.containsKey("error")) {
				@SuppressWarnings("unchecked")
				List<List<Object>> rows = (List<List<Object>>) root.get("dataset");
				return (rows != null) ? rows : List.of();
			}
		}
		throw new IllegalStateException(
				"SQL '" + query + "' failed with HTTP " + response.statusCode() + ": " + response.body());
	}

	/** Row count of a table, 0 when the table does not exist (yet). */
	public long count(String table) {
		String query = "SELECT count() FROM " + quoteIdentifier(table);
		HttpResponse<String> response = exec(query);
		if (response.statusCode() != 200 && response.body().contains("does not exist")) {
			return 0;
		}
		List<List<Object>> rows = sql(query);
		return ((Number) rows.get(0).get(0)).longValue();
	}

	/** Polls {@link #count(String)} until it equals {@code expected}. */
	public void awaitCount(String table, long expected, Duration timeout) {
		Awaitility.await("row count of " + table)
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> count(table), Matchers.equalTo(expected));
	}

	/** Quotes a table or column name for QuestDB SQL. */
	public static String quoteIdentifier(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	private HttpResponse<String> exec(String query) {
		requireStarted();
		return this.http.get(url() + "/exec?query=" + SimpleHttp.encode(query));
	}

	private void requireStarted() {
		if (this.server == null) {
			throw new IllegalStateException("QuestDB is not started");
		}
	}

	private void emergencyCleanUp() {
		ServerMain main = this.server;
		if (main != null) {
			main.close();
		}
		TestServers.deleteRecursively(this.directory);
	}

	/**
	 * Points QuestDB's JVM-wide logging at one temp file (it writes to the native stdout otherwise), unless a log
	 * configuration was chosen already.
	 */
	private static synchronized void quietLogging() throws IOException {
		if (System.getProperty(LOG_CONFIG_PROPERTY) != null) {
			return;
		}
		Path dir = Files.createTempDirectory("questdb-test-log-");
		dir.toFile().deleteOnExit();
		Path log = dir.resolve("questdb.log");
		log.toFile().deleteOnExit();
		Path config = dir.resolve("log.conf");
		config.toFile().deleteOnExit();
		Files.writeString(config, String.join("\n", "writers=file", "w.file.class=io.questdb.log.LogFileWriter",
				"w.file.location=" + log, "w.file.level=INFO,ERROR,CRITICAL,ADVISORY", ""), StandardCharsets.UTF_8);
		System.setProperty(LOG_CONFIG_PROPERTY, config.toString());
		logFile = log;
	}

}
