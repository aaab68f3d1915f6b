package io.influxspring.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a database compared with the points written, matched by time.
 *
 * @param exact points stored exactly once, with exactly their measurement, tags and fields
 * @param wrong rows that differ from the point at their time, match no point, or repeat a time
 * @param lost points with no row
 */
record StoredComparison(int exact, List<String> wrong, List<String> lost) {

	/** Compares {@code stored} with the points {@code written}, keyed by their time in milliseconds. */
	static StoredComparison of(Map<Long, FidelityPoint> written, List<StoredPoint> stored) {
		int exact = 0;
		List<String> wrong = new ArrayList<>();
		Map<Long, StoredPoint> byTime = new HashMap<>();
		for (StoredPoint row : stored) {
			FidelityPoint point = written.get(row.epochMilli());
			if (byTime.put(row.epochMilli(), row) != null) {
				wrong.add("a second row " + row);
			}
			else if (point == null || !point.expected().equals(row)) {
				wrong.add(((point != null) ? point : "nothing") + " stored as " + row);
			}
			else {
				exact++;
			}
		}
		List<String> lost = new ArrayList<>();
		written.forEach((time, point) -> {
			if (!byTime.containsKey(time)) {
				lost.add(point.toString());
			}
		});
		return new StoredComparison(exact, wrong, lost);
	}

}
