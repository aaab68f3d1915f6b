package io.influxspring.mapping;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Each mapping mistake fails at the first use of the type, naming the type and the member. */
class MeasurementMappingErrorsTest {

	private final MeasurementMapper mapper = new MeasurementMapper();

	record NotAnnotated(@InfluxField int v) {
	}

	@InfluxMeasurement
	record NoField(@InfluxTag String t) {
	}

	@InfluxMeasurement
	record TwoTimestamps(@InfluxField int v, @InfluxTimestamp Instant a, @InfluxTimestamp Instant b) {
	}

	@InfluxMeasurement
	record UnsupportedField(@InfluxField List<String> values) {
	}

	@InfluxMeasurement
	record UnsupportedTimestamp(@InfluxField int v, @InfluxTimestamp LocalDateTime at) {
	}

	@InfluxMeasurement
	record DuplicateNames(@InfluxField(name = "x") int a, @InfluxField(name = "x") int b) {
	}

	@InfluxMeasurement
	record TagAndFieldSameName(@InfluxTag(name = "x") String a, @InfluxField(name = "x") int b) {
	}

	@InfluxMeasurement
	record TwoAnnotations(@InfluxTag @InfluxField String a) {
	}

	@InfluxMeasurement("bad\\\\name")
	record InvalidMeasurement(@InfluxField int v) {
	}

	@InfluxMeasurement
	record InvalidKey(@InfluxField(name = "line\nbreak") int v) {
	}

	@InfluxMeasurement
	static class GetterWithParameter {

		@InfluxField
		int value(int factor) {
			return factor;
		}

	}

	@Test
	void rejectsATypeWithoutInfluxMeasurement() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.mapper.toPoint(new NotAnnotated(1)))
			.withMessage("The type " + NotAnnotated.class.getName() + " is not annotated with @InfluxMeasurement");
	}

	@Test
	void rejectsATypeWithoutField() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.mapper.validate(NoField.class))
			.withMessageContaining(NoField.class.getName())
			.withMessageContaining("no @InfluxField");
	}

	@Test
	void rejectsTwoTimestamps() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.mapper.validate(TwoTimestamps.class))
			.withMessageContaining(TwoTimestamps.class.getName())
			.withMessageContaining("two @InfluxTimestamp members: a and b");
	}

	@Test
	void rejectsUnsupportedMemberTypes() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.mapper.validate(UnsupportedField.class))
			.withMessageContaining("member values of type java.util.List is not a supported field type");
		assertThatIllegalArgumentException().isThrownBy(() -> this.mapper.validate(UnsupportedTimestamp.class))
			.withMessageContaining("member at of type java.time.LocalDateTime cannot be a timestamp");
	}

	@Test
	void rejectsDuplicateNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.mapper.validate(DuplicateNames.class))
			.withMessageContaining("maps two members to the key 'x' (b is the second)");
		assertThatIllegalArgumentException().isThrownBy(() -> this.mapper.validate(TagAndFieldSameName.class))
			.withMessageContaining("maps two members to the key 'x'");
	}

	@Test
	void rejectsAMemberWithTwoRoles() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.mapper.validate(TwoAnnotations.class))
			.withMessageContaining("member a has more than one");
	}

	@Test
	void rejectsNamesLineProtocolCannotCarry() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.mapper.validate(InvalidMeasurement.class))
			.withMessageContaining("invalid measurement name").withMessageContaining("run of backslashes");
		assertThatIllegalArgumentException().isThrownBy(() -> this.mapper.validate(InvalidKey.class))
			.withMessageContaining("member v has an invalid field key");
	}

	@Test
	void rejectsAnnotatedMethodsThatAreNotGetters() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.mapper.validate(GetterWithParameter.class))
			.withMessageContaining("value() is annotated but is not a getter");
	}

}
