package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The child JVM's command line: the same command, with a heap ceiling for commands that stream. */
class FastLaunchTest {
    final Path app = Path.of("/opt/custodian/custodian-app");

    @Test
    void importRunsUnderAHeapCeilingAndOtherCommandsDoNot() {
        List<String> importing = FastLaunch.command(app, new String[] {"import", "/tmp/fhir", "--data", "/tmp/d"});
        List<String> serving = FastLaunch.command(app, new String[] {"serve", "--data", "/tmp/d"});

        assertThat(importing).contains("-Xmx768m")
                .endsWith("-jar", app.resolve("custodian.jar").toString(), "import", "/tmp/fhir", "--data", "/tmp/d");
        assertThat(importing.indexOf("-Xmx768m")).isLessThan(importing.indexOf("-jar"));
        assertThat(serving).noneMatch(option -> option.startsWith("-Xmx768m"));
    }

    @Test
    void theChildIsToldThatTheBuildPreparedItsServerContextOnce() {
        List<String> serving = FastLaunch.command(app, new String[] {"serve", "--data", "/tmp/d"});

        assertThat(serving).containsOnlyOnce("-D" + FastLaunch.PREPARED_CONTEXT + "=true");
        assertThat(serving.indexOf("-D" + FastLaunch.PREPARED_CONTEXT + "=true")).isLessThan(serving.indexOf("-jar"));
    }
}
