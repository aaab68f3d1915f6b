package io.influxspring.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Small helpers shared by the test servers: binary lookup, free ports, temp directory cleanup and log tails.
 */
final class TestServers {

	/** Environment variable that turns a missing server binary into a test failure instead of a skip. */
	static final String REQUIRE_SERVERS_ENV = "INFLUX_REQUIRE_SERVERS";

	private TestServers() {
	}

	/**
	 * Finds an executable on {@code PATH}, falling back to {@code /usr/bin}. When it is missing, the current test
	 * is aborted (skipped), or fails with an {@link IllegalStateException} if {@value #REQUIRE_SERVERS_ENV} is
	 * {@code true}.
	 */
	static Path findBinary(String name, String installHint) {
		List<Path> candidates = new ArrayList<>();
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(File.pathSeparator)) {
				if (!dir.isBlank()) {
					candidates.add(Path.of(dir, name));
				}
			}
		}
		candidates.add(Path.of("/usr/bin", name));
		for (Path candidate : candidates) {
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		String message = name + " not installed: " + installHint;
		if ("true".equalsIgnoreCase(System.getenv(REQUIRE_SERVERS_ENV))) {
			throw new IllegalStateException(message + " (required because " + REQUIRE_SERVERS_ENV + "=true)");
		}
		return Assumptions.abort(message);
	}

	/** Asks the OS for a currently free TCP port on 127.0.0.1. */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port on 127.0.0.1", ex);
		}
	}

	/** Deletes a directory tree, ignoring files that are already gone. */
	static void deleteRecursively(Path dir) {
		if (dir == null || !Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (IOException ex) {
					// best effort: a concurrently removed or busy file must not fail the test run
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// best effort
		}
	}

	/** Returns the last {@code maxLines} lines of a (possibly missing) text file. */
	static String tail(Path file, int maxLines) {
		try {
			if (file == null || !Files.exists(file)) {
				return "<no log>";
			}
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			List<String> tail = lines.subList(Math.max(0, lines.size() - maxLines), lines.size());
			return String.join(System.lineSeparator(), tail);
		}
		catch (IOException | UncheckedIOException ex) {
			return "<could not read " + file + ": " + ex + ">";
		}
	}

}
