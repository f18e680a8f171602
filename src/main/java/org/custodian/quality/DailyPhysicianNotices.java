package org.custodian.quality;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Once a day (07:00 server time unless {@code custodian.quality.notify-cron} says otherwise) the
 * running server sends physicians the notices and escalations that fell due, so a deficiency left
 * open is escalated every {@code escalate-after-days} without anyone pressing a button. A notice is
 * stored once per deficiency and level, so two servers sending at the same time send it once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnWebApplication
class DailyPhysicianNotices {
    static final String CRON = "${custodian.quality.notify-cron:0 0 7 * * *}";
    private static final Logger log = LoggerFactory.getLogger(DailyPhysicianNotices.class);

    private final ChartCompletion completion;

    DailyPhysicianNotices(ChartCompletion completion) {
        this.completion = completion;
    }

    @Scheduled(cron = CRON)
    void sendDue() {
        int sent = completion.notifyPhysicians();
        log.info("Daily physician notices: {} notice(s) and escalation(s) sent", sent);
    }
}
