package org.custodian.transcription;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.record.DocumentType;
import org.springframework.stereotype.Service;

/** The templates that prefill the editor per document type; HIM and administrators edit them. */
@Service
public class TranscriptionTemplates {
    private final TemplateRepository templates;
    private final TranscriptionAudit audit;
    private final Clock clock;

    TranscriptionTemplates(TemplateRepository templates, TranscriptionAudit audit, Optional<Clock> clock) {
        this.templates = templates;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public List<DocumentTemplate> all() {
        return templates.all();
    }

    /** The type's template; an empty one titled with the type's name when none is stored. */
    public DocumentTemplate of(DocumentType type) {
        return templates.find(type).orElse(new DocumentTemplate(type, type.label(), "", "system", clock.instant()));
    }

    public DocumentTemplate save(CustodianUser user, DocumentType type, String title, String body) {
        audit.requireAny(user, "editing transcription templates", Permission.EDIT_TRANSCRIPTION_TEMPLATES);
        if (type == null || type == DocumentType.ADDENDUM) {
            throw new TranscriptionRefused("template type: choose one of the document types (an addendum has no template)");
        }
        if (title == null || title.isBlank()) {
            throw new TranscriptionRefused("template '" + type.label() + "': the title is empty");
        }
        String text = body == null ? "" : body.replace("\r\n", "\n");
        templates.save(type, title.strip(), text, user.getUsername(), clock.instant());
        audit.templateChanged(user, type.name(), "template " + type.name() + " saved (" + text.length() + " characters)");
        return of(type);
    }
}
