package org.custodian.web;

import java.util.Arrays;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.record.DocumentType;
import org.custodian.transcription.DocumentTemplate;
import org.custodian.transcription.NewTranscription;
import org.custodian.transcription.TranscriptionJob;
import org.custodian.transcription.TranscriptionQueue;
import org.custodian.transcription.TranscriptionRefused;
import org.custodian.transcription.TranscriptionTemplates;
import org.custodian.transcription.TranscriptionWork;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Typing a new document: the editor starts from the chosen type's template. */
@Controller
class TranscriptionNewController {
    private final TranscriptionWork work;
    private final TranscriptionQueue queue;
    private final TranscriptionTemplates templates;

    TranscriptionNewController(TranscriptionWork work, TranscriptionQueue queue, TranscriptionTemplates templates) {
        this.work = work;
        this.queue = queue;
        this.templates = templates;
    }

    @GetMapping(TranscriptionQueueController.PATH + "/new")
    String form(@RequestParam(defaultValue = "DISCHARGE_SUMMARY") DocumentType type,
                @AuthenticationPrincipal CustodianUser user, Model model) {
        require(user);
        DocumentTemplate template = templates.of(type);
        return form(user, model, new NewTranscription(null, null, type, template.title(), template.body(), null, null));
    }

    @PostMapping(TranscriptionQueueController.PATH)
    String create(@RequestParam(required = false) String mrn, @RequestParam(required = false) String visit,
                  @RequestParam DocumentType type, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String body, @RequestParam(required = false) UUID author,
                  @RequestParam(required = false) UUID cosigner, @AuthenticationPrincipal CustodianUser user,
                  Model model) {
        require(user);
        NewTranscription entered = new NewTranscription(mrn, visit, type, title, body, author, cosigner);
        try {
            TranscriptionJob job = TranscriptionGuard.allowed(() -> work.create(user, entered));
            return "redirect:" + TranscriptionJobController.PATH.replace("{jobId}", job.id().toString());
        } catch (TranscriptionRefused e) {
            model.addAttribute("problem", "Not saved: " + e.getMessage() + ".");
            return form(user, model, entered);
        }
    }

    private String form(CustodianUser user, Model model, NewTranscription entered) {
        model.addAttribute("entered", entered);
        model.addAttribute("types", Arrays.stream(DocumentType.values()).filter(t -> t != DocumentType.ADDENDUM).toList());
        model.addAttribute("signers", queue.signers(user));
        return "transcription/new";
    }

    private static void require(CustodianUser user) {
        if (!user.can(Permission.TRANSCRIBE_DOCUMENTS)) {
            throw new PageForbidden("Your role does not include typing documents.");
        }
    }
}
