package io.influxspring.write;

import org.jspecify.annotations.Nullable;

/**
 * A {@link WriteOptions} value out of range, naming the option: the record component, e.g.
 * {@code batchSize}, so that a caller binding options from elsewhere can name its own setting.
 *
 * @since 0.1.0
 */
public class InvalidWriteOptionException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String option;

	private final transient @Nullable Object value;

	/**
	 * @param option the name of the record component, e.g. {@code batchSize}
	 * @param value the value refused
	 * @param message what is wrong, naming the option
	 */
	public InvalidWriteOptionException(String option, @Nullable Object value, String message) {
		super(message);
		this.option = option;
		this.value = value;
	}

	/** The name of the {@link WriteOptions} component out of range, e.g. {@code batchSize}. */
	public String getOption() {
		return this.option;
	}

	/** The value refused. */
	public @Nullable Object getValue() {
		return this.value;
	}

}
