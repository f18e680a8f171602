package org.custodian.disclosure;

import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.springframework.stereotype.Service;

/**
 * Scrubbing text a person pastes in: allowed with DEIDENTIFY and audited (how much, never the text),
 * through the same scrubber as the export and the command line.
 */
@Service
public class TextScrubbing {
    private final PhiScrubber scrubber;
    private final Guard guard;

    TextScrubbing(PhiScrubber scrubber, Guard guard) {
        this.scrubber = scrubber;
        this.guard = guard;
    }

    public ScrubbedText scrub(CustodianUser user, String text, Replacement replacement) {
        guard.require(user, Permission.DEIDENTIFY, "ScrubbedText");
        ScrubbedText result = scrubber.scrub(text, KnownIdentifiers.NONE, replacement, user.getUsername());
        guard.done(user, AuditAction.EXPORT, null, "ScrubbedText", null, "scrubbed " + text.length()
                + " characters, " + result.spans().size() + " spans replaced " + result.countsByType());
        return result;
    }
}
