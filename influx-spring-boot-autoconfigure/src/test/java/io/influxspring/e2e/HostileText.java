package io.influxspring.e2e;

import java.util.List;
import java.util.Random;

/**
 * The text line protocol finds hardest, and what the starter promises for each piece of it in each
 * place of a point (see {@code NameRules} and the README): a line break or an unpaired surrogate is
 * rejected everywhere, a backslash in every name and tag value, a leading {@code #} in a measurement;
 * everything else must round-trip.
 */
final class HostileText {

	/** A place in a point. */
	enum Role {

		MEASUREMENT, TAG_KEY, TAG_VALUE, FIELD_KEY, STRING_VALUE

	}

	/** One hostile piece of text, named for messages. */
	record Piece(String name, String text) {

		/** Whether the starter must reject this piece (after a plain prefix) at the call in {@code role}. */
		boolean rejectedAs(Role role) {
			return rejected(in(role, "x"), role);
		}

		/** The piece as it is placed in {@code role}: after a plain prefix, except a leading hash. */
		String in(Role role, String prefix) {
			return (this.name.equals("leading hash") && role == Role.MEASUREMENT) ? this.text + prefix
					: prefix + this.text;
		}

	}

	/** Every piece; each is placed after a plain prefix, so that a "trailing" piece really ends the text. */
	static final List<Piece> PIECES = List.of(new Piece("newline", "a\nb"), new Piece("carriage return", "a\rb"),
			new Piece("tab", "a\tb"), new Piece("double quote", "a\"b"), new Piece("quotes around", "\"ab\""),
			new Piece("single quote", "a'b"), new Piece("backslash", "a\\b"), new Piece("trailing backslash", "ab\\"),
			new Piece("escaped-looking", "a\\,b\\ c\\=d"), new Piece("comma", "a,b"), new Piece("equals", "a=b"),
			new Piece("space", "a b"), new Piece("trailing space", "ab "), new Piece("hash", "a#b"),
			new Piece("leading hash", "#ab"), new Piece("unicode", "é€日本😀"), new Piece("unpaired surrogate", "a\uD800b"),
			new Piece("everything", " a,b=c \"d\"\te'f#😀 "));

	private HostileText() {
	}

	/** The starter's rule: whether {@code text} in {@code role} must be rejected at the call. */
	static boolean rejected(String text, Role role) {
		boolean lineBreak = text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
		boolean surrogate = hasUnpairedSurrogate(text);
		boolean backslash = role != Role.STRING_VALUE && text.indexOf('\\') >= 0;
		boolean comment = role == Role.MEASUREMENT && text.startsWith("#");
		return lineBreak || surrogate || backslash || comment;
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
	 * {@code role}, and with a small share each piece one that must be rejected there.
	 */
	static final class Source {

		private final Random random;

		private final List<Piece> carried;

		private final List<Piece> rejected;

		private final double rejectedShare;

		Source(long seed, Role role, double rejectedShare) {
			this.random = new Random(seed);
			this.carried = PIECES.stream().filter((piece) -> !piece.rejectedAs(role)).toList();
			this.rejected = PIECES.stream().filter((piece) -> piece.rejectedAs(role)).toList();
			this.rejectedShare = rejectedShare;
		}

		/** Like {@link #Source(long, Role, double)}, but only with pieces also carried by {@code allowed}. */
		Source(long seed, Role role, double rejectedShare, java.util.function.Predicate<Piece> allowed) {
			this.random = new Random(seed);
			this.carried = PIECES.stream().filter((piece) -> !piece.rejectedAs(role) && allowed.test(piece)).toList();
			this.rejected = PIECES.stream().filter((piece) -> piece.rejectedAs(role)).toList();
			this.rejectedShare = rejectedShare;
		}

		String next(String prefix, int maxPieces) {
			StringBuilder text = new StringBuilder(prefix);
			int count = 1 + this.random.nextInt(maxPieces);
			for (int i = 0; i < count; i++) {
				List<Piece> from = (this.random.nextDouble() < this.rejectedShare) ? this.rejected : this.carried;
				text.append(from.get(this.random.nextInt(from.size())).text());
			}
			return text.toString();
		}

	}

}
