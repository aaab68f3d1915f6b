package io.influxspring.write.spool;

import java.nio.file.Path;

/** Run in a child JVM: opens the spool in the directory given and prints OK or the lock error. */
public final class SpoolLockProbe {

	private SpoolLockProbe() {
	}

	public static void main(String[] args) throws Exception {
		try (BatchSpool spool = BatchSpool.open(Path.of(args[0]), SpoolSettings.defaults())) {
			System.out.println("OK " + spool.batches());
		}
		catch (SpoolLockedException ex) {
			System.out.println("LOCKED " + ex.getMessage());
		}
	}

}
