package org.custodian.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells physicians about their open deficiencies: a first notice as soon as one is found, then an
 * escalated notice each time it stays open another {@code escalate-after-days}. Each notice is
 * shown in the application and handed to the {@link DeficiencyMailer}.
 */
@Component
class PhysicianNotifier {
    private final NotificationRepository notifications;
    private final DeficiencyMailer mailer;
    private final QualityProperties properties;

    PhysicianNotifier(NotificationRepository notifications, DeficiencyMailer mailer, QualityProperties properties) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.properties = properties;
    }

    /** Sends what is due at {@code now}; returns how many notices went out. */
    int notifyDue(Instant now) {
        int sent = 0;
        Duration escalateAfter = Duration.ofDays(properties.escalateAfterDays());
        for (NotificationRepository.Due due : notifications.due()) {
            boolean first = due.level() == 0;
            if (!first && now.isBefore(due.lastSent().plus(escalateAfter))) {
                continue;
            }
            int level = due.level() + 1;
            String visit = due.visitNumber() == null ? "" : "Visit " + due.visitNumber() + ": ";
            String message = (first ? "" : "Reminder " + level + " (escalated, open over "
                    + properties.escalateAfterDays() * (level - 1) + " days): ") + visit + due.message();
            Notification notice = new Notification(UUID.randomUUID(), due.practitionerId(), due.findingId(), level, message,
                    now, null);
            if (notifications.insert(notice)) {
                mailer.send(notice, due.accounts());
                sent++;
            }
        }
        return sent;
    }
}
