package io.influxspring.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The figures of one scenario run, printed (and appended to {@code target/e2e-figures.txt}) so that a
 * run can be compared with earlier ones; never used for assertions.
 *
 * @param scenario what ran
 * @param server which server
 * @param offered lines offered to the writer
 * @param stored rows the server holds at the end
 * @param dropped lines the writer reported dropped
 * @param duplicated rows stored more than once
 * @param took wall time of the scenario
 * @param note anything else worth keeping
 */
record ScenarioFigures(String scenario, String server, long offered, long stored, long dropped, long duplicated,
		Duration took, String note) {

	private static final Path FILE = Path.of("target", "e2e-figures.txt");

	/** Prints the figures and appends them to the figures file. */
	void report() {
		String line = String.format("[e2e] %-34s %-16s offered=%,d stored=%,d dropped=%,d duplicated=%,d took=%.1fs %s",
				this.scenario, this.server, this.offered, this.stored, this.dropped, this.duplicated,
				this.took.toMillis() / 1000.0, this.note);
		System.out.println(line);
		try {
			Files.createDirectories(FILE.getParent());
			Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
