package io.influxspring.autoconfigure;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import io.influxspring.autoconfigure.scan.good.GoodScanConfiguration;
import io.influxspring.autoconfigure.scan.inherited.InheritedScanConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class InfluxMeasurementAotProcessorTest {

	@Test
	void registersReflectionHintsForMeasurementTypesAndTheirSuperclasses() throws Exception {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		AutoConfigurationPackages.register(beanFactory, GoodScanConfiguration.class.getPackageName(),
				InheritedScanConfiguration.class.getPackageName());
		BeanFactoryInitializationAotContribution contribution = new InfluxMeasurementAotProcessor()
			.processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "Test")), new InMemoryGeneratedFiles());
		contribution.applyTo(generationContext, mock(BeanFactoryInitializationCode.class));
		RuntimeHints hints = generationContext.getRuntimeHints();
		assertThat(RuntimeHintsPredicates.reflection().onType(GoodScanConfiguration.Fine.class)
			.withMemberCategories(MemberCategory.ACCESS_DECLARED_FIELDS, MemberCategory.INVOKE_DECLARED_METHODS))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(GoodScanConfiguration.Fine.class, "value"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(InheritedScanConfiguration.Child.class, "temperature"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(InheritedScanConfiguration.Parent.class, "site"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(String.class)).rejects(hints);
	}

	@Test
	void contributesNothingWithoutMeasurementTypes() {
		assertThat(new InfluxMeasurementAotProcessor().processAheadOfTime(new DefaultListableBeanFactory())).isNull();
	}

	@Test
	void isRegisteredForAot() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(BeanFactoryInitializationAotProcessor.class))
			.hasAtLeastOneElementOfType(InfluxMeasurementAotProcessor.class);
	}

}
