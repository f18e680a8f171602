package org.custodian.quality;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Without a real mailer configured, notices are logged (no PHI: the message names the visit, not the patient). */
@Configuration
class LoggingDeficiencyMailer {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingDeficiencyMailer.class);

    @Bean
    @ConditionalOnMissingBean(DeficiencyMailer.class)
    DeficiencyMailer loggingMailer() {
        return (notification, accounts) -> LOG.info("deficiency notice level {} to practitioner {} (accounts {}): {}",
                notification.level(), notification.practitionerId(), accounts, notification.message());
    }
}
