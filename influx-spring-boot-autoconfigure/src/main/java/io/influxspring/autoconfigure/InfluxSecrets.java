package io.influxspring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Keeps credentials out of startup reports and exception messages: a URL is shown without its user
 * information, query and fragment, and a token or password with a control character in it is refused
 * without echoing it.
 */
final class InfluxSecrets {

	/** What is shown instead of a secret. */
	static final String HIDDEN = "(hidden)";

	private InfluxSecrets() {
	}

	/**
	 * The URL with its user information, query and fragment replaced by {@value #HIDDEN}; works on
	 * text that is not a valid URL, and hides more rather than less when the parts are ambiguous.
	 */
	static String hideInUrl(String url) {
		int query = indexOfQuery(url);
		int slashes = url.indexOf("//");
		int start = (slashes >= 0 && (query < 0 || slashes < query)) ? slashes + 2 : 0;
		int at = url.lastIndexOf('@');
		boolean userInfo = at >= start;
		if (userInfo && query >= 0 && at > query) {
			return url.substring(0, start) + HIDDEN;
		}
		int end = (query >= 0) ? query : url.length();
		String shown = userInfo ? url.substring(0, start) + HIDDEN + url.substring(at, end) : url.substring(0, end);
		return (query >= 0) ? shown + url.charAt(query) + HIDDEN : shown;
	}

	/**
	 * Refuses a token or password with a line break or another control character, which would
	 * corrupt the {@code Authorization} header, naming the property but not the value.
	 */
	static void checkNoControlCharacters(@Nullable String secret, String property) {
		if (secret != null && secret.chars().anyMatch(Character::isISOControl)) {
			throw new InfluxConfigurationException(property, HIDDEN,
					"It contains a control character (CR, LF, tab or another)",
					"Set " + property + " without line breaks or other control characters; a secret read from a "
							+ "file often ends with a line feed.");
		}
	}

	private static int indexOfQuery(String url) {
		int query = url.indexOf('?');
		int fragment = url.indexOf('#');
		return (query < 0 || (fragment >= 0 && fragment < query)) ? fragment : query;
	}

}
