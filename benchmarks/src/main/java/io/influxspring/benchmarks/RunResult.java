package io.influxspring.benchmarks;

/**
 * One child run of one contender, as reported by {@link ContenderRun} and checked against the sink.
 *
 * @param contender the contender's name
 * @param figures what the child reported
 * @param problem why the run is invalid, or {@code null}
 */
record RunResult(String contender, KeyValues figures, String problem) {

	boolean valid() {
		return this.problem == null;
	}

	long points() {
		return this.figures.getLong("points");
	}

	double pointsPerSecond() {
		return points() * 1e9 / this.figures.getLong("nanos");
	}

	/** A figure divided by the number of points timed. */
	double perPoint(String key) {
		return (double) this.figures.getLong(key) / points();
	}

	double megabytes(String key) {
		return this.figures.getLong(key) / (1024.0 * 1024.0);
	}

	/** CPU used by other processes than the contender and the sink during the timed write, in cores. */
	double otherCores() {
		long machine = this.figures.getLong("machineCpuNanos", -1);
		if (machine < 0) {
			return Double.NaN;
		}
		long others = machine - this.figures.getLong("cpuNanos") - this.figures.getLong("sinkCpuNanos");
		return Math.max(0, others) / (double) this.figures.getLong("nanos");
	}

	long count(String key) {
		return this.figures.getLong(key, 0);
	}

}
