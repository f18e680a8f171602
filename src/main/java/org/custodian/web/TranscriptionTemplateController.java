package org.custodian.web;

import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.record.DocumentType;
import org.custodian.transcription.TranscriptionTemplates;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The templates per document type: everyone in transcription reads them, HIM and administrators edit them. */
@Controller
class TranscriptionTemplateController {
    static final String PATH = "/transcription/templates";

    private final TranscriptionTemplates templates;

    TranscriptionTemplateController(TranscriptionTemplates templates) {
        this.templates = templates;
    }

    @GetMapping(PATH)
    String list(@AuthenticationPrincipal CustodianUser user, Model model) {
        if (!TranscriptionTabs.mayOpenTemplates(user)) {
            throw new PageForbidden("Your role does not include transcription templates.");
        }
        model.addAttribute("templates", templates.all());
        model.addAttribute("canEdit", user.can(Permission.EDIT_TRANSCRIPTION_TEMPLATES));
        model.addAttribute("tabs", TranscriptionTabs.of(user));
        return "transcription/templates";
    }

    @PostMapping(PATH + "/{type}")
    String save(@PathVariable DocumentType type, @RequestParam(required = false) String title,
                @RequestParam(required = false) String body, @AuthenticationPrincipal CustodianUser user,
                RedirectAttributes flash) {
        if (TranscriptionGuard.step(() -> templates.save(user, type, title, body), flash, "Template not saved") != null) {
            flash.addFlashAttribute("done", "Template saved: " + type.label() + ".");
        }
        return "redirect:" + PATH + "#" + type.name();
    }
}
