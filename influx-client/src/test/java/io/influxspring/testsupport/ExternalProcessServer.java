package io.influxspring.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Base class for a database server run as a child process in a private temp directory, usable as a JUnit 5
 * extension ({@code @RegisterExtension static final}) or programmatically via {@link #start()} and
 * {@link #stop()}. Process output goes to a log file in the temp directory; startup failures include its tail.
 * A start whose port was taken by another process before the server bound it is tried again on new ports.
 */
public abstract class ExternalProcessServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

	private static final int LOG_TAIL_LINES = 40;

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private static final int PORT_ATTEMPTS = 3;

	private static final String PORT_TAKEN = "address already in use";

	private final String binaryName;

	private final String installHint;

	private volatile Path binary;

	private volatile Path directory;

	private volatile Process process;

	private volatile Thread shutdownHook;

	private volatile SimpleHttp http;

	/**
	 * Creates a server description.
	 * @param binaryName executable looked up on {@code PATH}, then {@code /usr/bin}
	 * @param installHint how to install it, shown when it is missing
	 */
	protected ExternalProcessServer(String binaryName, String installHint) {
		this.binaryName = binaryName;
		this.installHint = installHint;
	}

	/** Prepares a fresh temp directory (ports, config files); called once per {@link #start()}. */
	protected abstract void prepare(Path directory) throws IOException;

	/** Command line arguments (without the binary) for the prepared directory. */
	protected abstract List<String> arguments(Path directory);

	/** URL that answers {@link #readyStatus()} once the server accepts requests. */
	protected abstract String readinessUrl();

	/** Status code of {@link #readinessUrl()} that means ready. */
	protected abstract int readyStatus();

	/** Adjusts the child process environment; the default removes nothing. */
	protected void environment(Map<String, String> environment) {
	}

	/** Starts the server in a new temp directory and waits until it is ready; no-op when already running. */
	public synchronized void start() {
		if (this.directory != null) {
			return;
		}
		this.binary = TestServers.findBinary(this.binaryName, this.installHint);
		for (int attempt = 1;; attempt++) {
			try {
				startOnce();
				return;
			}
			catch (PortTakenException ex) {
				if (attempt == PORT_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private void startOnce() {
		try {
			this.directory = Files.createTempDirectory(this.binaryName + "-test-");
			prepare(this.directory);
		}
		catch (IOException ex) {
			cleanUp();
			throw new UncheckedIOException("Could not prepare " + this.binaryName, ex);
		}
		Thread hook = new Thread(this::emergencyCleanUp, this.binaryName + "-test-cleanup");
		Runtime.getRuntime().addShutdownHook(hook);
		this.shutdownHook = hook;
		launch();
	}

	/** Stops the server gracefully (SIGKILL after a timeout) and deletes its temp directory. */
	public synchronized void stop() {
		terminate(this.process);
		this.process = null;
		cleanUp();
	}

	/** Same as {@link #stop()}. */
	@Override
	public void close() {
		stop();
	}

	/** Kills the server process with SIGKILL and waits for it to exit; the data directory is kept. */
	public synchronized void kill() {
		Process current = this.process;
		this.process = null;
		if (current != null) {
			current.descendants().forEach(ProcessHandle::destroyForcibly);
			current.destroyForcibly();
			awaitExit(current);
		}
	}

	/** Starts the server again on the same data directory and ports (stopping it first if it still runs). */
	public synchronized void restart() {
		if (this.directory == null) {
			throw new IllegalStateException(this.binaryName + " was never started");
		}
		terminate(this.process);
		this.process = null;
		launch();
	}

	/** Whether the server process is currently alive. */
	public boolean isRunning() {
		Process current = this.process;
		return current != null && current.isAlive();
	}

	/** The server's private temp directory, or {@code null} when stopped. */
	public Path directory() {
		return this.directory;
	}

	/** The log file receiving the server's stdout and stderr. */
	public Path logFile() {
		Path dir = requireStarted();
		return dir.resolve(this.binaryName + ".log");
	}

	/** Starts the server before all tests of the class. */
	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	/** Stops the server after all tests of the class. */
	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/** A new client for talking to the server (override to trust a test certificate). */
	protected SimpleHttp newHttp() {
		return new SimpleHttp();
	}

	/** HTTP client bound to the current process run (recreated on restart to drop stale connections). */
	protected SimpleHttp http() {
		SimpleHttp client = this.http;
		if (client == null) {
			throw new IllegalStateException(this.binaryName + " is not running");
		}
		return client;
	}

	/** Throws unless {@link #start()} has been called. */
	protected Path requireStarted() {
		Path dir = this.directory;
		if (dir == null) {
			throw new IllegalStateException(this.binaryName + " is not started");
		}
		return dir;
	}

	private void launch() {
		List<String> command = new ArrayList<>();
		command.add(this.binary.toString());
		command.addAll(arguments(this.directory));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
		environment(builder.environment());
		long started = System.nanoTime();
		try {
			this.process = builder.start();
			this.process.getOutputStream().close();
		}
		catch (IOException ex) {
			throw startupFailure("could not be launched: " + ex, ex);
		}
		this.http = newHttp();
		awaitReady(started);
	}

	private void awaitReady(long started) {
		long deadline = started + STARTUP_TIMEOUT.toNanos();
		Process current = this.process;
		while (!http().answers(readinessUrl(), readyStatus())) {
			if (!current.isAlive()) {
				throw startupFailure("exited with code " + current.exitValue() + " during startup", null);
			}
			if (System.nanoTime() - deadline > 0) {
				String reason = "was not ready within " + STARTUP_TIMEOUT.toSeconds() + "s (" + readinessUrl() + ")";
				throw startupFailure(reason, null);
			}
			try {
				current.waitFor(20, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw startupFailure("startup was interrupted", ex);
			}
		}
	}

	private IllegalStateException startupFailure(String reason, Throwable cause) {
		String log = TestServers.tail(logFile(), LOG_TAIL_LINES);
		kill();
		cleanUp();
		String message = this.binaryName + " " + reason + ". Last log lines:" + System.lineSeparator() + log;
		return log.toLowerCase(Locale.ROOT).contains(PORT_TAKEN) ? new PortTakenException(message)
				: new IllegalStateException(message, cause);
	}

	private void terminate(Process current) {
		if (current == null) {
			return;
		}
		current.destroy();
		try {
			if (!current.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				current.descendants().forEach(ProcessHandle::destroyForcibly);
				current.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			current.destroyForcibly();
		}
		awaitExit(current);
	}

	private static void awaitExit(Process current) {
		try {
			current.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void cleanUp() {
		Thread hook = this.shutdownHook;
		this.shutdownHook = null;
		if (hook != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException ex) {
				// JVM is already shutting down; the hook itself cleans up
			}
		}
		TestServers.deleteRecursively(this.directory);
		this.directory = null;
		this.http = null;
	}

	private void emergencyCleanUp() {
		Process current = this.process;
		if (current != null) {
			current.descendants().forEach(ProcessHandle::destroyForcibly);
			current.destroyForcibly();
		}
		TestServers.deleteRecursively(this.directory);
	}

	/** A startup that failed because another process took a port between {@link #prepare} and the launch. */
	private static final class PortTakenException extends IllegalStateException {

		PortTakenException(String message) {
			super(message);
		}

	}

}
