package org.custodian.analytics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When a server starts on a record whose analytics store is empty (a data folder from before
 * analytics existed, or restored without it), derives the store in the background once.
 */
@Component
@ConditionalOnWebApplication
class AnalyticsBackfill {
    private static final Logger log = LoggerFactory.getLogger(AnalyticsBackfill.class);

    private final AnalyticsFacts facts;
    private final JdbcTemplate jdbc;

    AnalyticsBackfill(AnalyticsFacts facts, JdbcTemplate jdbc) {
        this.facts = facts;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfillIfEmpty() {
        boolean needed = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT NOT EXISTS (SELECT 1 FROM analytics_stay) AND EXISTS (SELECT 1 FROM encounter)", Boolean.class));
        if (needed) {
            Thread.ofVirtual().name("analytics-backfill").start(() -> {
                long start = System.nanoTime();
                try {
                    facts.rebuild(step -> { });
                    log.info("Analytics store derived from the record in {} ms", (System.nanoTime() - start) / 1_000_000);
                } catch (RuntimeException e) {
                    log.warn("Could not derive the analytics store; run 'custodian analytics rebuild'", e);
                }
            });
        }
    }
}
