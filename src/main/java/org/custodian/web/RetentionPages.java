package org.custodian.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the retention screens share: today's date for the schedules, and a refusal shown as a message. */
final class RetentionPages {
    private RetentionPages() {
    }

    /** The facility choice's value for raw messages whose sender is no facility of ours. */
    static final String NO_FACILITY = "none";

    /** A facility id from the choice; null for {@link #NO_FACILITY}. */
    static UUID facility(String choice) {
        if (choice == null || choice.isBlank() || choice.equals(NO_FACILITY)) {
            return null;
        }
        try {
            return UUID.fromString(choice.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("facility '" + choice + "' is not a facility id");
        }
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Runs a step and redirects; bad input or a refused state comes back as a message on the page. */
    static String attempt(RedirectAttributes flash, String success, String redirect, Supplier<String> step) {
        return FlashSteps.attempt(flash, success, redirect, step);
    }
}
