package org.custodian;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at its own database on {@link TestDatabase} and its own data folder. */
public final class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + TestDatabase.newDatabase(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=",
                "custodian.data-directory=" + TestDatabase.newDataDirectory()
        ).applyTo(context);
    }
}
