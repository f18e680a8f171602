package org.custodian.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The event publication registry keeps a row for every record-change event and listener; a completed
 * one is only history (an incomplete one is what a restart resubmits). Every HL7 batch and FHIR write
 * adds rows, so once an hour the running server deletes those completed longer ago than
 * {@code custodian.events.keep-completed} (seven days unless set), keeping the table, and the
 * statements that look for incomplete publications, small.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnWebApplication
public class CompletedPublicationsPurge {
    private static final Logger log = LoggerFactory.getLogger(CompletedPublicationsPurge.class);

    private final CompletedEventPublications completed;
    private final Duration keep;

    CompletedPublicationsPurge(CompletedEventPublications completed,
                               @Value("${custodian.events.keep-completed:P7D}") Duration keep) {
        if (keep.isNegative()) {
            throw new IllegalArgumentException("custodian.events.keep-completed must not be negative: " + keep);
        }
        this.completed = completed;
        this.keep = keep;
    }

    @Scheduled(cron = "${custodian.events.purge-cron:0 17 * * * *}")
    public void purge() {
        completed.deletePublicationsOlderThan(keep);
        log.debug("Deleted event publications completed more than {} ago", keep);
    }
}
