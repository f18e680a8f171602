package org.custodian.web;

import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.PhiAccess;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentVersion;
import org.custodian.record.PatientDocument;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** One clinical document: the current version by default, any earlier version on request, and the history. */
@Controller
class DocumentController {
    private static final String NO_DOCUMENT = "This patient has no document with this id. Open it from the chart again.";

    private final PhiAccess phi;

    DocumentController(PhiAccess phi) {
        this.phi = phi;
    }

    @GetMapping("/patients/{patientId}/documents/{documentId}")
    String document(@PathVariable UUID patientId, @PathVariable UUID documentId,
                    @RequestParam(required = false) Integer version,
                    @AuthenticationPrincipal CustodianUser user, Model model) {
        PatientDocument found = phi.document(user, documentId)
                .filter(d -> d.patient().id().equals(patientId))
                .orElseThrow(() -> new PageNotFound(NO_DOCUMENT));
        ClinicalDocument document = found.document();
        DocumentVersion shown = version == null ? document.current() : document.versions().stream()
                .filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new PageNotFound("This document has no version " + version + "."));
        model.addAttribute("patientId", patientId);
        model.addAttribute("patient", found.patient());
        model.addAttribute("document", document);
        model.addAttribute("shown", shown);
        model.addAttribute("history", document.versions().reversed());
        model.addAttribute("isCurrent", shown.version() == document.current().version());
        return "patients/document";
    }
}
