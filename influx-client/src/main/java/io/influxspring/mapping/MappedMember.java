package io.influxspring.mapping;

import java.lang.invoke.MethodHandle;

/**
 * One annotated member of a measurement type, with a cached accessor and its name pre-encoded.
 *
 * @param description the member as messages name it, e.g. {@code com.example.Order.amount}
 * @param key the tag or field key
 * @param encodedKey the key escaped for line protocol, followed by {@code =}
 * @param kind how the value is read
 * @param getter reads the value: {@code (Object)long}, {@code (Object)double}, {@code (Object)boolean}
 * or {@code (Object)Object} according to {@code kind}
 */
record MappedMember(String description, String key, EncodedName encodedKey, Kind kind, MethodHandle getter) {

	/** How a member's value is read: primitives without boxing, everything else as an object. */
	enum Kind {

		/** {@code byte}, {@code short}, {@code int}, {@code long}. */
		INTEGER,

		/** {@code float}, {@code double}. */
		FLOAT,

		/** {@code boolean}. */
		BOOLEAN,

		/** {@code char}, read as its {@code int} code. */
		CHAR,

		/** A reference, converted by its runtime type. */
		OBJECT

	}

}
