package org.custodian.quality;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Once a day (06:30 server time unless {@code custodian.quality.scan-backlog-cron} says otherwise) the
 * running server checks the scanning backlog: a scan becomes overdue with time alone, with no record
 * change to notice it, so a full scan need not be waited for.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnWebApplication
class DailyScanBacklog {
    static final String CRON = "${custodian.quality.scan-backlog-cron:0 30 6 * * *}";
    private static final Logger log = LoggerFactory.getLogger(DailyScanBacklog.class);

    private final QualityScans scans;

    DailyScanBacklog(QualityScans scans) {
        this.scans = scans;
    }

    @Scheduled(cron = CRON)
    void check() {
        log.info("Daily scan backlog check: {} scan(s) overdue for indexing", scans.checkScanBacklog());
    }
}
