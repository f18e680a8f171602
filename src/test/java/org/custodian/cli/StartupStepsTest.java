package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.StartupStep;

class StartupStepsTest {

    @Test
    void aStepIsRankedByItsOwnTimeNotTheTimeOfTheStepsItContains() throws InterruptedException {
        BufferingApplicationStartup recorder = new BufferingApplicationStartup(100);
        StartupStep parent = recorder.start("spring.context.refresh");
        StartupStep child = recorder.start("spring.beans.instantiate").tag("beanName", "slowBean");
        Thread.sleep(60);
        child.end();
        Thread.sleep(5);
        parent.end();

        List<String> lines = StartupSteps.slowest(recorder.getBufferedTimeline().getEvents(), 2);

        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).contains("spring.beans.instantiate beanName=slowBean");
        assertThat(lines.get(1)).contains("spring.context.refresh");
    }
}
