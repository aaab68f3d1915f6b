package io.influxspring.benchmarks;

import java.util.HashMap;
import java.util.Map;

/** Reads {@code --name value} command-line options over defaults; an unknown name is an error. */
final class Options {

	private Options() {
	}

	static Map<String, String> parse(String[] args, Map<String, String> defaults) {
		Map<String, String> options = new HashMap<>(defaults);
		for (int i = 0; i < args.length; i++) {
			String name = args[i].startsWith("--") ? args[i].substring(2) : null;
			if (name == null || !defaults.containsKey(name) || i + 1 == args.length) {
				throw new IllegalArgumentException("Usage: " + usage(defaults) + " (at '" + args[i] + "')");
			}
			options.put(name, args[++i]);
		}
		return options;
	}

	private static String usage(Map<String, String> defaults) {
		StringBuilder usage = new StringBuilder();
		defaults.forEach((name, value) -> usage.append("[--").append(name).append(' ').append(value).append("] "));
		return usage.toString().trim();
	}

}
