package io.influxspring.e2e;

import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import io.influxspring.write.lineprotocol.LineProtocolDialect;

/**
 * The text line protocol finds hardest, and what the starter promises for each piece of it in each
 * place of a point under each {@link LineProtocolDialect} (see {@code NameRules} and the README),
 * written down here independently of the encoder so that the tests can hold it to its rules.
 * <p>
 * {@link LineProtocolDialect#INFLUXDB}: a name (measurement, tag key, tag value, field key) is
 * rejected for a control character (tab, CR, LF, NUL...), a trailing backslash, a run of backslashes,
 * a backslash before a character escaped in that place ({@code ,} and space, and {@code =} except in
 * measurements), before {@code =} or {@code "} in a measurement and before {@code "} in a field key,
 * and for the keys InfluxDB reserves; a measurement for a leading {@code #}. Every other backslash
 * is written bare and read back as it is. String values carry everything.
 * <p>
 * {@link LineProtocolDialect#PORTABLE}: a name is rejected for a line break, a NUL or any backslash, a
 * measurement for a leading {@code #}, and a string value for a line break.
 * <p>
 * Under both, an unpaired surrogate is rejected everywhere; everything else must round-trip.
 */
final class HostileText {

	/** A place in a point. */
	enum Role {

		MEASUREMENT, TAG_KEY, TAG_VALUE, FIELD_KEY, STRING_VALUE

	}

	/** One hostile piece of text, named for messages. */
	record Piece(String name, String text) {

		/** Whether the starter must reject this piece (after a plain prefix) at the call in {@code role}. */
		boolean rejectedAs(Role role, LineProtocolDialect dialect) {
			return rejected(in(role, "x"), role, dialect);
		}

		/** The piece as it is placed in {@code role}: after a plain prefix, except a leading hash. */
		String in(Role role, String prefix) {
			return (this.name.equals("leading hash") && role == Role.MEASUREMENT) ? this.text + prefix
					: prefix + this.text;
		}

	}

	/** Every piece; each is placed after a plain prefix, so that a "trailing" piece really ends the text. */
	static final List<Piece> PIECES = List.of(new Piece("newline", "a\nb"), new Piece("carriage return", "a\rb"),
			new Piece("CRLF", "a\r\nb"), new Piece("tab", "a\tb"), new Piece("NUL", "a\u0000b"),
			new Piece("double quote", "a\"b"), new Piece("quotes around", "\"ab\""), new Piece("single quote", "a'b"),
			new Piece("backslash", "a\\b"), new Piece("trailing backslash", "ab\\"),
			new Piece("double backslash", "a\\\\b"), new Piece("backslash quote", "a\\\"b"),
			new Piece("backslash equals", "a\\=b"), new Piece("backslash hash", "a\\#b"),
			new Piece("backslash unicode", "a\\é\\😀"), new Piece("windows path", "C:\\Program Files\\App"),
			new Piece("escaped-looking", "a\\,b\\ c\\=d"), new Piece("comma", "a,b"), new Piece("equals", "a=b"),
			new Piece("space", "a b"), new Piece("trailing space", "ab "), new Piece("hash", "a#b"),
			new Piece("leading hash", "#ab"), new Piece("unicode", "é€日本😀"), new Piece("unpaired surrogate", "a\uD800b"),
			new Piece("everything", " a,b=c \"d\"\te'f#😀 "), new Piece("everything carried", " a,b=c \"d\" e'f#\\g😀 "));

	private static final List<String> RESERVED_TAG_KEYS = List.of("time", "_field", "_measurement", "__chunk_order");

	private static final List<String> RESERVED_FIELD_KEYS = List.of("time", "__chunk_order");

	private HostileText() {
	}

	/** The starter's rule: whether {@code text} in {@code role} must be rejected at the call. */
	static boolean rejected(String text, Role role, LineProtocolDialect dialect) {
		if (hasUnpairedSurrogate(text)) {
			return true;
		}
		boolean lineBreak = text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
		if (role == Role.STRING_VALUE) {
			return dialect == LineProtocolDialect.PORTABLE && (lineBreak || text.indexOf('\u0000') >= 0);
		}
		if (text.isEmpty() || (role == Role.MEASUREMENT && text.startsWith("#"))) {
			return true;
		}
		if (dialect == LineProtocolDialect.PORTABLE) {
			return lineBreak || text.indexOf('\\') >= 0 || text.indexOf('\u0000') >= 0;
		}
		return hasControlCharacter(text) || hasUnsafeBackslash(text, role) || isReserved(text, role);
	}

	private static boolean hasControlCharacter(String text) {
		return text.chars().anyMatch((c) -> c <= 0x1F || (c >= 0x7F && c <= 0x9F));
	}

	private static boolean hasUnsafeBackslash(String text, Role role) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\\') {
				if (i + 1 == text.length()) {
					return true;
				}
				char next = text.charAt(i + 1);
				boolean escapedHere = next == ',' || next == ' ' || (next == '=' && role != Role.MEASUREMENT);
				boolean readDifferently = (next == '"' && (role == Role.MEASUREMENT || role == Role.FIELD_KEY))
						|| (next == '=' && role == Role.MEASUREMENT);
				if (next == '\\' || escapedHere || readDifferently) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isReserved(String text, Role role) {
		return (role == Role.TAG_KEY && RESERVED_TAG_KEYS.contains(text))
				|| (role == Role.FIELD_KEY && RESERVED_FIELD_KEYS.contains(text));
	}

	private static boolean hasUnpairedSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A seeded source of texts made of 1 to {@code maxPieces} pieces: mostly pieces that may stand in
	 * {@code role} under the dialect, and with a small share each piece one that must be rejected there.
	 */
	static final class Source {

		private final Random random;

		private final List<Piece> carried;

		private final List<Piece> rejected;

		private final double rejectedShare;

		Source(long seed, Role role, LineProtocolDialect dialect, double rejectedShare) {
			this(seed, role, dialect, rejectedShare, (piece) -> true);
		}

		/**
		 * Like {@link #Source(long, Role, LineProtocolDialect, double)}, but only with pieces also
		 * carried by {@code allowed}.
		 */
		Source(long seed, Role role, LineProtocolDialect dialect, double rejectedShare, Predicate<Piece> allowed) {
			this.random = new Random(seed);
			this.carried = PIECES.stream()
				.filter((piece) -> !piece.rejectedAs(role, dialect) && allowed.test(piece))
				.toList();
			this.rejected = PIECES.stream().filter((piece) -> piece.rejectedAs(role, dialect)).toList();
			this.rejectedShare = rejectedShare;
		}

		String next(String prefix, int maxPieces) {
			StringBuilder text = new StringBuilder(prefix);
			int count = 1 + this.random.nextInt(maxPieces);
			for (int i = 0; i < count; i++) {
				boolean reject = this.random.nextDouble() < this.rejectedShare && !this.rejected.isEmpty();
				List<Piece> from = reject ? this.rejected : this.carried;
				text.append(from.get(this.random.nextInt(from.size())).text());
			}
			return text.toString();
		}

	}

}
