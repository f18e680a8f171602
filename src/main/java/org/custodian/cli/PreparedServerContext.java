package org.custodian.cli;

import java.util.Map;
import org.custodian.platform.FastLaunch;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;

/**
 * The server's Spring context prepared when the jar is built (Spring's ahead-of-time processing): the
 * build runs {@link #main} through {@code spring-boot:process-aot}, which records the bean definitions
 * of a server start as generated code instead of scanning ~1,100 classes, parsing ~380 configuration
 * classes and evaluating their conditions at every start. Conditions are settled at build time for a
 * server (servlet web application with an MLLP port), so only {@code serve} and its kin use it, and
 * only in the fast launch's child JVM, whose jar the same build produced; every other start, tests
 * included, builds the context as before.
 */
public final class PreparedServerContext {
    static final String INITIALIZER = PreparedServerContext.class.getName() + "__ApplicationContextInitializer";
    /**
     * Settings that decide whether a bean exists, with the value the build settled them to; a start whose
     * system properties or environment variables say otherwise builds its context as before.
     */
    static final Map<String, String> SETTLED = Map.of("custodian.quality.incremental", "true");

    private PreparedServerContext() {
    }

    /** Used by the build's AOT processing only: the properties a server start gives, without a database. */
    public static void main(String[] args) {
        SpringApplication app = Launcher.application(Launcher.Mode.SERVER);
        app.run(Launcher.arguments(Map.of(
                "spring.datasource.url", "jdbc:postgresql://localhost/custodian",
                "custodian.data-directory", "custodian-data",
                "server.port", 0,
                "custodian.hl7.mllp-port", 0)));
    }

    /**
     * Whether a start in this mode uses the prepared context: a server start in a JVM launched to use
     * it (the fast launch sets {@value FastLaunch#PREPARED_CONTEXT}) from a jar that contains it, with
     * the settings the build settled left as they were.
     */
    static boolean usedFor(Launcher.Mode mode) {
        return mode == Launcher.Mode.SERVER && Boolean.getBoolean(FastLaunch.PREPARED_CONTEXT)
                && ClassUtils.isPresent(INITIALIZER, PreparedServerContext.class.getClassLoader())
                && settledAsBuilt(new StandardEnvironment());
    }

    /** True unless the properties (system properties, environment variables) change a setting the build settled. */
    static boolean settledAsBuilt(PropertyResolver properties) {
        return SETTLED.entrySet().stream().allMatch(setting -> {
            String value = properties.getProperty(setting.getKey());
            return value == null || value.trim().equalsIgnoreCase(setting.getValue());
        });
    }

    /** Tells Spring to start {@code app} from the prepared context, or not, for this start. */
    static void apply(SpringApplication app, boolean use) {
        SpringProperties.setProperty(AotDetector.AOT_ENABLED, Boolean.toString(use));
        if (use) {
            // Spring finds the generated initializer by the name of the application's main class
            app.setMainApplicationClass(PreparedServerContext.class);
        }
    }
}
