package org.custodian.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in and access policy: idle log-off, how many failed logins lock an account for how long,
 * and how long emergency (break-the-glass) access lasts.
 */
@ConfigurationProperties("custodian.security")
public record SecurityProperties(Duration idleTimeout, int maxFailedLogins, Duration lockout,
                                 Duration breakGlassDuration) {
    public SecurityProperties {
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(15) : idleTimeout;
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        breakGlassDuration = breakGlassDuration == null ? Duration.ofHours(4) : breakGlassDuration;
    }
}
