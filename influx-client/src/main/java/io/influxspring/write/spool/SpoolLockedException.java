package io.influxspring.write.spool;

import java.nio.file.Path;

/**
 * A spool directory that another process, or another writer of this process, has open.
 *
 * @since 0.1.0
 */
public class SpoolLockedException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final transient Path directory;

	/**
	 * @param directory the spool directory whose lock file is held
	 */
	public SpoolLockedException(Path directory) {
		super("The spool directory " + directory + " is in use by another process or writer: its lock file is held");
		this.directory = directory;
	}

	/** The spool directory. */
	public Path getDirectory() {
		return this.directory;
	}

}
