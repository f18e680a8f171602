package org.custodian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodian.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

@IntegrationTest
class DailyPhysicianNoticesTest {
    @Autowired
    ScheduledTaskHolder scheduled;
    @Autowired
    DailyPhysicianNotices daily;

    @Test
    void theServerSendsTheDueNoticesEveryMorningOnItsOwn() {
        assertThat(scheduled.getScheduledTasks()).map(t -> t.getTask())
                .filteredOn(t -> t.getRunnable().toString().contains("DailyPhysicianNotices.sendDue"))
                .singleElement().isInstanceOfSatisfying(CronTask.class,
                        cron -> assertThat(cron.getExpression()).isEqualTo("0 0 7 * * *"));
        daily.sendDue(); // what falls due is sent; ChartCompletionTest covers which notices those are
    }
}
