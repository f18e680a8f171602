package org.custodian.web;

import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form step that redirects afterwards (post/redirect/get): success comes back as {@code done},
 * bad input or a refused state as {@code problem}, a sentence for the user on the page they return to.
 */
final class FlashSteps {
    private FlashSteps() {
    }

    /** Runs the step; it returns where to go next, or null for {@code redirect}. */
    static String attempt(RedirectAttributes flash, String success, String redirect, Supplier<String> step) {
        try {
            String target = step.get();
            flash.addFlashAttribute("done", success);
            return "redirect:" + (target == null ? redirect : target);
        } catch (IllegalArgumentException refused) {
            flash.addFlashAttribute("problem", ErrorPages.sentence(refused.getMessage()));
            return "redirect:" + redirect;
        }
    }
}
