package org.custodian.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Sign-in policy: idle log-off, and how many failed logins lock an account for how long. */
@ConfigurationProperties("custodian.security")
public record SecurityProperties(Duration idleTimeout, int maxFailedLogins, Duration lockout) {
    public SecurityProperties {
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(15) : idleTimeout;
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    }
}
