package io.influxspring.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.questdb.ServerMain;

/**
 * QuestDB running inside the sample's JVM, accepting line protocol on {@code /api/v2/write} of its
 * HTTP port (127.0.0.1 only) and serving its web console and SQL endpoint on the same port.
 */
final class EmbeddedQuestDb implements AutoCloseable {

	private final ServerMain server;

	private final Path root;

	EmbeddedQuestDb(Path root, int port) {
		this.root = root;
		try {
			Files.createDirectories(root);
			configureLogging(root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the QuestDB directory " + root, ex);
		}
		this.server = ServerMain.create(root.toString(),
				Map.of("QDB_HTTP_NET_BIND_TO", "127.0.0.1:" + port, "QDB_PG_ENABLED", "false", "QDB_LINE_TCP_ENABLED",
						"false", "QDB_LINE_UDP_ENABLED", "false", "QDB_HTTP_MIN_ENABLED", "false",
						"QDB_TELEMETRY_ENABLED", "false"));
		this.server.start();
		this.server.awaitStartup();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getHttpServerPort();
	}

	Path root() {
		return this.root;
	}

	@Override
	public void close() {
		this.server.close();
	}

	private static void configureLogging(Path root) throws IOException {
		if (System.getProperty("out") == null) {
			Path config = root.resolve("log.conf");
			Files.writeString(config, String.join("\n", "writers=file", "w.file.class=io.questdb.log.LogFileWriter",
					"w.file.location=" + root.resolve("questdb.log"), "w.file.level=INFO,ERROR,CRITICAL,ADVISORY", ""),
					StandardCharsets.UTF_8);
			System.setProperty("out", config.toString());
		}
	}

}
