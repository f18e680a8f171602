package org.custodian.web;

import org.custodian.privacy.CustodianUser;
import org.custodian.training.Walkthrough;
import org.custodian.training.Walkthroughs;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A guided walkthrough: its steps with links into the real screens on sandbox records, and the trainee's progress. */
@Controller
class TrainingWalkthroughController {
    private final Walkthroughs walkthroughs;

    TrainingWalkthroughController(Walkthroughs walkthroughs) {
        this.walkthroughs = walkthroughs;
    }

    @GetMapping("/training/walkthroughs/{slug}")
    String show(@PathVariable String slug, @AuthenticationPrincipal CustodianUser user, Model model) {
        model.addAttribute("progress", walkthroughs.one(user, Walkthrough.ofSlug(slug)));
        return "training/walkthrough";
    }

    @PostMapping("/training/walkthroughs/{slug}/steps/{step}")
    String done(@PathVariable String slug, @PathVariable int step, @AuthenticationPrincipal CustodianUser user) {
        walkthroughs.done(user, Walkthrough.ofSlug(slug), step);
        return "redirect:/training/walkthroughs/" + slug + "#step-" + step;
    }
}
