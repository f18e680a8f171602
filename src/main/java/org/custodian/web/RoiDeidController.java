package org.custodian.web;

import org.custodian.disclosure.Replacement;
import org.custodian.disclosure.ScrubbedText;
import org.custodian.disclosure.TextScrubbing;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Paste a note, get it back scrubbed (audited): the same engine as the export and {@code custodian deid text}. */
@Controller
class RoiDeidController {
    private static final int MAX_TEXT = 200_000;

    private final TextScrubbing scrubbing;

    RoiDeidController(TextScrubbing scrubbing) {
        this.scrubbing = scrubbing;
    }

    @GetMapping("/roi/deid")
    String form(@AuthenticationPrincipal CustodianUser user, Model model) {
        require(user);
        model.addAttribute("replacements", Replacement.values());
        return "roi/deid";
    }

    @PostMapping("/roi/deid")
    String scrub(@RequestParam String text, @RequestParam(defaultValue = "PLACEHOLDER") Replacement replacement,
                 @AuthenticationPrincipal CustodianUser user, Model model) {
        require(user);
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the text is longer than " + MAX_TEXT + " characters");
        }
        ScrubbedText result = scrubbing.scrub(user, text, replacement);
        model.addAttribute("replacements", Replacement.values());
        model.addAttribute("text", text);
        model.addAttribute("replacement", replacement);
        model.addAttribute("result", result);
        return "roi/deid";
    }

    private static void require(CustodianUser user) {
        if (!user.can(Permission.DEIDENTIFY)) {
            throw new PageForbidden("De-identification is not part of your role.");
        }
    }
}
