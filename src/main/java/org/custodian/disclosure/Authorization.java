package org.custodian.disclosure;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.custodian.privacy.SensitivityLabel;

/**
 * A patient's authorization as presented with a request; a blank element is one the form lacks.
 * {@link #check(LocalDate)} lists what 164.508(c) requires and is missing, and why it is invalid.
 * {@code protectedCategories}: the specially protected categories (HIV, behavioural health, ...) it
 * names specifically, as state law asks before such records go out; 42 CFR Part 2 records need the
 * request's own Part 2 consent instead.
 */
public record Authorization(boolean present, String description, String disclosingParty, String recipient,
                            String purpose, String expires, LocalDate signedOn, String signedBy,
                            boolean revocationStatement, boolean conditioningStatement,
                            boolean redisclosureStatement, boolean revoked, Set<SensitivityLabel> protectedCategories) {
    public static final Authorization NONE = new Authorization(false, null, null, null, null, null, null, null,
            false, false, false, false);

    /** An authorization that names no specially protected category. */
    public Authorization(boolean present, String description, String disclosingParty, String recipient,
                         String purpose, String expires, LocalDate signedOn, String signedBy,
                         boolean revocationStatement, boolean conditioningStatement, boolean redisclosureStatement,
                         boolean revoked) {
        this(present, description, disclosingParty, recipient, purpose, expires, signedOn, signedBy,
                revocationStatement, conditioningStatement, redisclosureStatement, revoked, Set.of());
    }

    public Authorization {
        if (protectedCategories != null && protectedCategories.contains(SensitivityLabel.SUBSTANCE_USE_PART2)) {
            throw new IllegalArgumentException("protected categories: 42 CFR Part 2 records need the patient's"
                    + " specific Part 2 consent, recorded on its own");
        }
        protectedCategories = protectedCategories == null || protectedCategories.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(protectedCategories));
        description = blankToNull(description);
        disclosingParty = blankToNull(disclosingParty);
        recipient = blankToNull(recipient);
        purpose = blankToNull(purpose);
        expires = blankToNull(expires);
        signedBy = blankToNull(signedBy);
    }

    /** What is missing or wrong, in the order the rule lists the elements; empty when valid. */
    public List<String> check(LocalDate today) {
        List<String> findings = new ArrayList<>();
        if (!present) {
            findings.add("no authorization on file");
            return findings;
        }
        missing(findings, description, "a description of the information to be disclosed");
        missing(findings, disclosingParty, "who may make the disclosure");
        missing(findings, recipient, "to whom the disclosure may be made");
        missing(findings, purpose, "the purpose of the disclosure");
        missing(findings, expires, "an expiration date or event");
        missing(findings, signedBy, "the signature of the patient or representative");
        if (signedOn == null) {
            findings.add("missing: the date signed");
        } else if (signedOn.isAfter(today)) {
            findings.add("signed on " + signedOn + ", a date in the future");
        }
        if (!revocationStatement) {
            findings.add("missing: the statement of the right to revoke");
        }
        if (!conditioningStatement) {
            findings.add("missing: the statement that treatment is not conditioned on signing");
        }
        if (!redisclosureStatement) {
            findings.add("missing: the statement that information may be re-disclosed by the recipient");
        }
        LocalDate expiry = expiryDate();
        if (expiry != null && expiry.isBefore(today)) {
            findings.add("expired on " + expiry);
        }
        if (revoked) {
            findings.add("revoked by the patient");
        }
        return findings;
    }

    /** The specially protected categories this authorization lets go: those it names, once it is valid. */
    public Set<SensitivityLabel> coveredCategories(LocalDate today) {
        return present && check(today).isEmpty() ? protectedCategories : Set.of();
    }

    /** The expiration as a date, when it is written as one (yyyy-mm-dd); an event has none. */
    public LocalDate expiryDate() {
        if (expires == null) {
            return null;
        }
        try {
            return LocalDate.parse(expires.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void missing(List<String> findings, String value, String element) {
        if (value == null) {
            findings.add("missing: " + element);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
