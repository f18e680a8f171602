package org.custodian.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.training.SandboxLoads;
import org.custodian.training.TrainingSandbox;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The trainer's sandbox page: how many synthetic patients it holds, and a button that creates or
 * refills it with Synthea in the background, its progress polled by htmx until the load ends.
 */
@Controller
class TrainingSandboxController {
    static final String PATH = "/training/sandbox";
    static final int DEFAULT_PATIENTS = 10;
    static final long DEFAULT_SEED = 2026;

    private final SandboxLoads loads;
    private final TrainingSandbox sandbox;

    TrainingSandboxController(SandboxLoads loads, TrainingSandbox sandbox) {
        this.loads = loads;
        this.sandbox = sandbox;
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal CustodianUser user, Model model) {
        model.addAttribute("load", loads.latest(user).orElse(null));
        model.addAttribute("sandboxPatients", sandbox.patients());
        model.addAttribute("maxPatients", SandboxLoads.MAX_PATIENTS);
        model.addAttribute("patients", DEFAULT_PATIENTS);
        model.addAttribute("seed", DEFAULT_SEED);
        return "training/sandbox";
    }

    @PostMapping(PATH + "/loads")
    String start(@RequestParam(defaultValue = "") String patients, @RequestParam(defaultValue = "") String seed,
                 @AuthenticationPrincipal CustodianUser user, HttpServletResponse response, Model model) {
        try {
            loads.start(user, number(patients, "patients"), seed.isBlank() ? DEFAULT_SEED : number(seed, "seed"));
            return "redirect:" + PATH;
        } catch (IllegalArgumentException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            String page = page(user, model);
            model.addAttribute("problem", ErrorPages.sentence(refused.getMessage()));
            model.addAttribute("patients", patients);
            model.addAttribute("seed", seed);
            return page;
        }
    }

    /** The load's status as an htmx fragment; it keeps polling itself while the load runs. */
    @GetMapping(PATH + "/loads/{loadId}")
    String status(@PathVariable UUID loadId, @AuthenticationPrincipal CustodianUser user, Model model) {
        model.addAttribute("load", loads.load(user, loadId));
        model.addAttribute("sandboxPatients", sandbox.patients());
        return "training/sandbox :: load";
    }

    private static int number(String text, String field) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' in " + field + " is not a whole number");
        }
    }
}
