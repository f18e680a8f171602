package org.custodian.web;

import java.util.function.Supplier;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.transcription.TranscriptionDenied;
import org.custodian.transcription.TranscriptionRefused;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** How the transcription screens turn the module's refusals into pages: denials are 403s, bad input a message. */
final class TranscriptionGuard {
    private TranscriptionGuard() {
    }

    static boolean works(CustodianUser user) {
        return user.can(Permission.TRANSCRIBE_DOCUMENTS) || user.can(Permission.REVIEW_TRANSCRIPTION);
    }

    static <T> T allowed(Supplier<T> call) {
        try {
            return call.get();
        } catch (TranscriptionDenied e) {
            throw new PageForbidden(e.getMessage());
        }
    }

    /** Runs a step; a refusal becomes the page's problem message and the result is null. */
    static <T> T step(Supplier<T> call, RedirectAttributes flash, String failed) {
        try {
            return allowed(call);
        } catch (TranscriptionRefused e) {
            flash.addFlashAttribute("problem", failed + ": " + e.getMessage() + ".");
            return null;
        }
    }
}
