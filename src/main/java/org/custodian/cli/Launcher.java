package org.custodian.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.custodian.CustodianApplication;
import org.slf4j.LoggerFactory;
import org.custodian.platform.Database;
import org.custodian.platform.Databases;
import org.custodian.platform.EmbeddedDatabase;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Opens the database for a data folder and starts the Spring application on it. */
public final class Launcher {
    private Launcher() {
    }

    public enum Mode { SERVER, TASK }

    public static Running start(Path dataDirectory, Mode mode, Map<String, Object> extraProperties) {
        quietEmbeddedPostgres();
        Database database = Databases.open(dataDirectory);
        try {
            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.datasource.url", database.jdbcUrl());
            properties.put("spring.datasource.username", database.user());
            properties.put("spring.datasource.password", database.password());
            if (database.startsInBackground()) {
                // the server boots alongside the application; the pool's first connection waits for it
                properties.put("spring.datasource.hikari.initialization-fail-timeout", "60000");
            }
            properties.put("custodian.data-directory", dataDirectory.toAbsolutePath().normalize().toString());
            if (mode == Mode.TASK) {
                properties.put("logging.level.root", "WARN");
                properties.put("spring.main.log-startup-info", "false");
            }
            properties.putAll(extraProperties);
            SpringApplication app = application(mode);
            PreparedServerContext.apply(app, PreparedServerContext.usedFor(mode));
            var startupSteps = StartupSteps.recordIfAsked(app);
            ConfigurableApplicationContext context = app.run(arguments(properties));
            StartupSteps.report(startupSteps);
            Running running = new Running(context, database);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "custodian-shutdown"));
            return running;
        } catch (RuntimeException e) {
            if (database instanceof EmbeddedDatabase embedded) {
                embedded.awaitReady();
            }
            database.close();
            throw e;
        }
    }

    /** The Spring application for a start in this mode, before its properties are given. */
    static SpringApplication application(Mode mode) {
        SpringApplication app = new SpringApplication(CustodianApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setWebApplicationType(mode == Mode.SERVER ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        app.setRegisterShutdownHook(false);
        return app;
    }

    /** Properties as command-line arguments, so they win over application.properties (defaults would lose). */
    static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
    }

    /** The embedded server's own start-up chatter is noise to a user; its warnings and errors still show. */
    private static void quietEmbeddedPostgres() {
        if (LoggerFactory.getLogger("io.zonky") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** A started application; closing it stops the application first, then its embedded database. */
    public static final class Running implements AutoCloseable {
        private final ConfigurableApplicationContext context;
        private final Database database;
        private boolean closed;

        Running(ConfigurableApplicationContext context, Database database) {
            this.context = context;
            this.database = database;
        }

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        public Database database() {
            return database;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                context.close();
            } finally {
                database.close();
            }
        }
    }
}
