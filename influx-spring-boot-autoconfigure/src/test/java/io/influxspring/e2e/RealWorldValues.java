package io.influxspring.e2e;

import java.util.List;

/**
 * Text real applications write: paths, account names, regular expressions, JSON, SQL, stack traces,
 * log lines, URLs, emoji and CJK. {@link #NAMES} can stand in tag values by the starter's default
 * rules; {@link #TEXT_ONLY} holds what only a string field value carries (a run of backslashes, a
 * trailing backslash, a backslash before a comma, a line break, a tab or a NUL).
 */
final class RealWorldValues {

	/** Values accepted as tag values, and as string field values. */
	static final List<String> NAMES = List.of("C:\\Program Files\\App\\bin", "D:\\data\\file.txt", "DOMAIN\\user",
			"NT AUTHORITY\\SYSTEM", "^\\d+\\.\\d*$", "\\b[A-Z]{2,3}-\\d{4}\\b", "(?i)^GET /api/v\\d+/.*$",
			"{\"a\": [1, 2], \"b\": \"x=y, z\"}", "{\"msg\": \"say \\\"hi\\\"\"}",
			"SELECT * FROM t WHERE a = 'x' AND b <> \"y\"", "INSERT INTO logs (msg) VALUES ('a, b = c');",
			"2024-05-01 12:00:00,123 INFO  [main] c.e.App - started in 1.2 s (pid=42, port=8080)",
			"127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 200 2326",
			"https://example.com/a?b=1&c=d e", "https://example.com/search?q=a%2Cb&x=\"y\"#frag", "😀👍🏽🇩🇪",
			"日本語のテキスト", "温度 🌡 = 21,5 °C", "Grüße, Œuvre € 5", "#hashtag", "key=value", "a,b c=d", "\"quoted\"",
			"'single'", " leading and trailing spaces ");

	/** Values only a string field value carries. */
	static final List<String> TEXT_ONLY = List.of("\\\\server\\share\\dir", "\\\\?\\C:\\very\\long\\path",
			"C:\\temp\\", "{\"path\": \"C:\\\\tmp\"}",
			"java.lang.IllegalStateException: boom\n\tat com.example.App.run(App.java:42)\n"
					+ "\tat com.example.App.main(App.java:12)\nCaused by: java.io.IOException: disk full\n\t... 2 more",
			"line one\r\nline two\r\n", "col1\tcol2\tcol3", "\"^\\\\d+$\" (Java source)", "a\\,b", "ends with \\",
			"{\n  \"pretty\": true\n}", "nul\u0000byte");

	private RealWorldValues() {
	}

}
