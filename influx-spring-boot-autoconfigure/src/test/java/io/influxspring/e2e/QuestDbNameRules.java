package io.influxspring.e2e;

import io.influxspring.e2e.HostileText.Role;

/**
 * What QuestDB 9.3.4 refuses although the starter accepts it, as found on the real server by
 * {@code QuestDbHostileStringsE2eTest.questDbRefusesExactlyTheseCharacters}. QuestDB answers 400 for
 * the whole request, so one such line fails every line of its batch.
 * <ul>
 * <li>Table names (measurements): U+0000 to U+0009 (tab included), U+000B, U+000C, U+000E, U+000F,
 * U+007F, U+FEFF, {@code " ' % ( ) * + , / : ? ~}, two dots in a row, and a space or a dot at the
 * start or the end: QuestDB's naming rules.</li>
 * <li>Column names (tag and field keys): the same characters, and {@code -} and {@code .} anywhere; a
 * space at the start or the end is accepted.</li>
 * <li>Tag values: U+0000 ("field value is invalid"); string field values take it, but it is
 * missing when they are read back ({@link #storesExactly}). With
 * {@code influx.write.line-protocol=portable} the starter rejects U+0000 in names and tag values at the
 * call, and escapes {@code =} in measurements (which QuestDB's parser otherwise takes for a field).</li>
 * </ul>
 * Everything else probed is accepted, e.g. space, {@code # = ! $ & ; < > @ [ ] ^ _ ` { | }} in names,
 * U+0010 to U+001F, U+00A0, U+200B, U+2028 and emoji.
 */
final class QuestDbNameRules {

	/** Characters QuestDB refuses anywhere in a table name. */
	static final String REFUSED_IN_TABLE_NAMES = "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\t\u000B\u000C"
			+ "\u000E\u000F\u007F\uFEFF\"'%()*+,/:?~";

	/** Characters QuestDB refuses anywhere in a column name. */
	static final String REFUSED_IN_COLUMN_NAMES = REFUSED_IN_TABLE_NAMES + "-.";

	/** Characters QuestDB refuses in tag values. */
	static final String REFUSED_IN_TAG_VALUES = "\u0000";

	/** Characters QuestDB accepts in string field values but does not read back. */
	static final String LOST_IN_STRINGS = "\u0000";

	private QuestDbNameRules() {
	}

	/** Whether QuestDB accepts {@code text} in {@code role} (assuming the starter let it through). */
	static boolean accepts(String text, Role role) {
		return switch (role) {
			case MEASUREMENT -> none(text, REFUSED_IN_TABLE_NAMES) && !text.contains("..")
					&& !text.startsWith(" ") && !text.endsWith(" ") && !text.startsWith(".") && !text.endsWith(".");
			case TAG_KEY, FIELD_KEY -> none(text, REFUSED_IN_COLUMN_NAMES);
			case TAG_VALUE -> none(text, REFUSED_IN_TAG_VALUES);
			case STRING_VALUE -> true;
		};
	}

	/**
	 * Whether QuestDB accepts {@code text} in {@code role} and reads it back as written: a string field
	 * value with U+0000 is accepted but read back without it.
	 */
	static boolean storesExactly(String text, Role role) {
		return accepts(text, role) && (role != Role.STRING_VALUE || none(text, LOST_IN_STRINGS));
	}

	private static boolean none(String text, String characters) {
		for (int i = 0; i < characters.length(); i++) {
			if (text.indexOf(characters.charAt(i)) >= 0) {
				return false;
			}
		}
		return true;
	}

}
