package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodian.platform.FastLaunch;
import org.junit.jupiter.api.AfterEach;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.ClassUtils;

/** Only a server start in a JVM launched for it uses the context prepared at build time; tasks never do. */
class PreparedServerContextTest {

    @AfterEach
    void forget() {
        System.clearProperty(FastLaunch.PREPARED_CONTEXT);
        SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
    }

    @Test
    void tasksNeverUseItAndServersOnlyWhenLaunchedForItFromAJarThatHasIt() {
        assertThat(PreparedServerContext.usedFor(Launcher.Mode.SERVER)).isFalse();
        assertThat(PreparedServerContext.usedFor(Launcher.Mode.TASK)).isFalse();

        System.setProperty(FastLaunch.PREPARED_CONTEXT, "true");

        assertThat(PreparedServerContext.usedFor(Launcher.Mode.TASK)).isFalse();
        boolean built = ClassUtils.isPresent(PreparedServerContext.INITIALIZER, getClass().getClassLoader());
        assertThat(PreparedServerContext.usedFor(Launcher.Mode.SERVER)).isEqualTo(built);
    }

    @Test
    void applyingItSwitchesSpringsAheadOfTimeModeForThisStartOnly() {
        SpringApplication server = Launcher.application(Launcher.Mode.SERVER);
        PreparedServerContext.apply(server, true);

        assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
        assertThat(server.getMainApplicationClass()).isEqualTo(PreparedServerContext.class);

        SpringApplication task = Launcher.application(Launcher.Mode.TASK);
        PreparedServerContext.apply(task, false);

        assertThat(AotDetector.useGeneratedArtifacts()).isFalse();
        assertThat(task.getMainApplicationClass()).isNotEqualTo(PreparedServerContext.class);
    }

    @Test
    void aStartThatChangesASettingTheBuildSettledBuildsItsContextAsBefore() {
        assertThat(PreparedServerContext.settledAsBuilt(environment(Map.of()))).isTrue();
        assertThat(PreparedServerContext.settledAsBuilt(environment(Map.of("custodian.quality.incremental", "true")))).isTrue();
        assertThat(PreparedServerContext.settledAsBuilt(environment(Map.of("custodian.quality.incremental", "false")))).isFalse();

        StandardEnvironment variables = new StandardEnvironment();
        variables.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                Map.of("CUSTODIAN_QUALITY_INCREMENTAL", "false")));
        assertThat(PreparedServerContext.settledAsBuilt(variables)).isFalse();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
