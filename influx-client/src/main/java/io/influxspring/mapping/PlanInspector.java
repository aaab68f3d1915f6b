package io.influxspring.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.influxspring.mapping.MappedMember.Kind;
import io.influxspring.write.WritePrecision;
import io.influxspring.write.lineprotocol.LineProtocolDialect;
import io.influxspring.write.lineprotocol.TagOrder;
import org.jspecify.annotations.Nullable;

/**
 * Inspects a type once: finds its annotated members (record components in order; or, from the
 * class up its superclasses, fields in declaration order, then getters by method name), checks them, and
 * builds a {@link MeasurementPlan}. Every mistake is an
 * {@link IllegalArgumentException} naming the type and the member.
 */
final class PlanInspector {

	private final Class<?> type;

	private final List<MappedMember> tags = new ArrayList<>();

	private final List<MappedMember> fields = new ArrayList<>();

	private final Set<String> keys = new HashSet<>();

	private @Nullable MappedMember timestamp;

	private WritePrecision timestampPrecision = WritePrecision.MS;

	private PlanInspector(Class<?> type) {
		this.type = type;
	}

	static MeasurementPlan inspect(Class<?> type) {
		return new PlanInspector(type).build();
	}

	private MeasurementPlan build() {
		InfluxMeasurement annotation = this.type.getAnnotation(InfluxMeasurement.class);
		if (annotation == null) {
			throw fail("is not annotated with @InfluxMeasurement");
		}
		String measurement = annotation.value().isEmpty() ? this.type.getSimpleName() : annotation.value();
		EncodedName encoded = EncodedName.measurement(measurement);
		if (encoded.error(LineProtocolDialect.INFLUXDB) != null) {
			throw fail("has an invalid measurement name: " + encoded.error(LineProtocolDialect.INFLUXDB));
		}
		MethodHandles.Lookup lookup = lookup(this.type);
		if (this.type.isRecord()) {
			for (RecordComponent component : this.type.getRecordComponents()) {
				add(component, component.getName(), component.getType(), () -> lookup.unreflect(component.getAccessor()));
			}
		}
		else {
			for (Class<?> current = this.type; current != null && current != Object.class; current = current.getSuperclass()) {
				MethodHandles.Lookup declaring = (current == this.type) ? lookup : lookup(current);
				for (Field field : current.getDeclaredFields()) {
					if (!Modifier.isStatic(field.getModifiers())) {
						add(field, field.getName(), field.getType(), () -> declaring.unreflectGetter(field));
					}
				}
				Method[] methods = current.getDeclaredMethods();
				Arrays.sort(methods, Comparator.comparing(Method::getName));
				for (Method method : methods) {
					if (!Modifier.isStatic(method.getModifiers()) && !method.isBridge() && !method.isSynthetic()) {
						addGetter(method, declaring);
					}
				}
			}
		}
		if (this.fields.isEmpty()) {
			throw fail("has no @InfluxField member");
		}
		this.tags.sort(Comparator.comparing(MappedMember::key, TagOrder::compare));
		return new MeasurementPlan(this.type, measurement, encoded, this.tags.toArray(MappedMember[]::new),
				this.fields.toArray(MappedMember[]::new), this.timestamp, this.timestampPrecision);
	}

	private void addGetter(Method method, MethodHandles.Lookup lookup) {
		if (!isAnnotated(method)) {
			return;
		}
		if (method.getParameterCount() != 0 || method.getReturnType() == void.class) {
			throw fail("member " + method.getName() + "() is annotated but is not a getter");
		}
		add(method, propertyName(method.getName()), method.getReturnType(), () -> lookup.unreflect(method));
	}

	private static boolean isAnnotated(AnnotatedElement element) {
		return element.isAnnotationPresent(InfluxTag.class) || element.isAnnotationPresent(InfluxField.class)
				|| element.isAnnotationPresent(InfluxTimestamp.class);
	}

	private void add(AnnotatedElement element, String javaName, Class<?> memberType, HandleSource source) {
		InfluxTag tag = element.getAnnotation(InfluxTag.class);
		InfluxField field = element.getAnnotation(InfluxField.class);
		InfluxTimestamp timestamp = element.getAnnotation(InfluxTimestamp.class);
		int count = ((tag != null) ? 1 : 0) + ((field != null) ? 1 : 0) + ((timestamp != null) ? 1 : 0);
		if (count == 0) {
			return;
		}
		String description = this.type.getName() + "." + javaName;
		if (count > 1) {
			throw fail("member " + javaName + " has more than one of @InfluxTag, @InfluxField and @InfluxTimestamp");
		}
		if (timestamp != null) {
			if (this.timestamp != null) {
				throw fail("has two @InfluxTimestamp members: " + this.timestamp.key() + " and " + javaName);
			}
			if (!MemberValues.isTimestampType(memberType)) {
				throw fail("member " + javaName + " of type " + memberType.getName()
						+ " cannot be a timestamp: use Instant, OffsetDateTime, ZonedDateTime, Date or long");
			}
			this.timestamp = member(description, javaName, EncodedName.none(), memberType, source);
			this.timestampPrecision = timestamp.precision();
			return;
		}
		String key = (tag != null) ? (tag.name().isEmpty() ? javaName : tag.name())
				: (field.name().isEmpty() ? javaName : field.name());
		String role = (tag != null) ? "tag" : "field";
		if (!((tag != null) ? MemberValues.isTagType(memberType) : MemberValues.isFieldType(memberType))) {
			throw fail("member " + javaName + " of type " + memberType.getName() + " is not a supported " + role + " type");
		}
		if (!this.keys.add(key)) {
			throw fail("maps two members to the key '" + key + "' (" + javaName + " is the second)");
		}
		EncodedName encoded = EncodedName.key(key, role + " key");
		if (encoded.error(LineProtocolDialect.INFLUXDB) != null) {
			throw fail("member " + javaName + " has an invalid " + role + " key: " + encoded.error(LineProtocolDialect.INFLUXDB));
		}
		(tag != null ? this.tags : this.fields).add(member(description, key, encoded, memberType, source));
	}

	private MappedMember member(String description, String key, EncodedName encodedKey, Class<?> memberType,
			HandleSource source) {
		MethodHandle handle;
		try {
			handle = source.get();
		}
		catch (IllegalAccessException ex) {
			throw fail("member " + key + " cannot be read: " + ex.getMessage());
		}
		Kind kind = kind(memberType);
		Class<?> readAs = switch (kind) {
			case INTEGER -> long.class;
			case FLOAT -> double.class;
			case BOOLEAN -> boolean.class;
			case CHAR -> int.class;
			case OBJECT -> Object.class;
		};
		return new MappedMember(description, key, encodedKey, kind, handle.asType(MethodType.methodType(readAs, Object.class)));
	}

	private static Kind kind(Class<?> type) {
		if (type == long.class || type == int.class || type == short.class || type == byte.class) {
			return Kind.INTEGER;
		}
		if (type == double.class || type == float.class) {
			return Kind.FLOAT;
		}
		if (type == boolean.class) {
			return Kind.BOOLEAN;
		}
		return (type == char.class) ? Kind.CHAR : Kind.OBJECT;
	}

	private static String propertyName(String methodName) {
		String bare = methodName.startsWith("get") && methodName.length() > 3 ? methodName.substring(3)
				: methodName.startsWith("is") && methodName.length() > 2 ? methodName.substring(2) : methodName;
		return (bare.equals(methodName)) ? bare : Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
	}

	private MethodHandles.Lookup lookup(Class<?> target) {
		try {
			return MethodHandles.privateLookupIn(target, MethodHandles.lookup());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalArgumentException("The type " + this.type.getName() + " cannot be read by the mapper: its"
					+ " module must open " + target.getPackageName() + " to io.influxspring (" + ex.getMessage() + ")", ex);
		}
	}

	private IllegalArgumentException fail(String problem) {
		return new IllegalArgumentException("The type " + this.type.getName() + " " + problem);
	}

	@FunctionalInterface
	private interface HandleSource {

		MethodHandle get() throws IllegalAccessException;

	}

}
