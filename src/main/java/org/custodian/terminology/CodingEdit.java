package org.custodian.terminology;

import java.util.List;

/**
 * One finding of {@link CodingEdits#check}: the code(s) it concerns (as people write them, E11.9),
 * how serious it is, a plain message a coder can act on, and a stable {@link #edit()} name.
 */
public sealed interface CodingEdit {
    enum Severity {
        /** The claim is wrong as coded: fix it or document an override. */
        ERROR,
        /** Probably wrong or a retired edit: look at it. */
        WARNING,
        /** An edit could not run (no rule file loaded for the date). */
        INFO
    }

    String message();

    /** Not in the release in force, not shaped like a code, or no release covers the date. */
    record UnknownCode(String code, String message) implements CodingEdit {
    }

    /** A category (header): more characters are needed; {@code examples} are billable codes under it. */
    record HeaderCode(String code, List<String> examples, String message) implements CodingEdit {
        public HeaderCode {
            examples = List.copyOf(examples);
        }
    }

    /** A code of another release, not valid on the date of service. */
    record NotValidOnDate(String code, String message) implements CodingEdit {
    }

    /** The tabular requires a 7th character ({@code definedAt} holds the definition) and the code has none. */
    record SeventhCharacterMissing(String code, String definedAt, String message) implements CodingEdit {
    }

    /** The 7th character is not one the tabular allows here. */
    record SeventhCharacterInvalid(String code, String definedAt, String message) implements CodingEdit {
    }

    /**
     * An Excludes1 note of {@code code} (or a level above it) names {@code excluded}: not coded together,
     * except when the two conditions are unrelated (guideline I.A.12.a) or the note's own exception holds
     * ({@code exception}, e.g. "unless rheumatic fever is also present"; empty when the note has none).
     * With an exception in the note it is a warning; either way a coder may override it with a reason.
     */
    record Excludes1Pair(String code, String excluded, String note, String exception, String message)
            implements CodingEdit {
        public Excludes1Pair {
            java.util.Objects.requireNonNull(exception, "exception");
        }
    }

    /** A manifestation ("in diseases classified elsewhere") cannot be the principal diagnosis. */
    record ManifestationAsPrincipal(String code, String message) implements CodingEdit {
    }

    /** The MCE does not accept the code as principal diagnosis. */
    record UnacceptablePrincipal(String code, String message) implements CodingEdit {
    }

    /** The diagnosis belongs to an age group (newborn, pediatric, maternity, adult) the patient is not in. */
    record AgeConflict(String code, int age, String message) implements CodingEdit {
    }

    /** The code is for the other sex; {@code retired} when CMS had deactivated the edit on the date of service. */
    record SexConflict(String code, boolean retired, String message) implements CodingEdit {
    }

    /** Inpatient: the diagnosis needs a POA indicator and has none. */
    record PoaRequired(String code, String message) implements CodingEdit {
    }

    /** Inpatient: the code is POA-exempt, so the indicator is to be left blank. */
    record PoaExempt(String code, String message) implements CodingEdit {
    }

    /** A family of edits did not run because no rule file for the date is loaded. */
    record EditsNotRun(String message) implements CodingEdit {
    }

    /** The codes the finding is about, principal or first code first. */
    default List<String> codes() {
        return switch (this) {
            case UnknownCode e -> List.of(e.code());
            case HeaderCode e -> List.of(e.code());
            case NotValidOnDate e -> List.of(e.code());
            case SeventhCharacterMissing e -> List.of(e.code());
            case SeventhCharacterInvalid e -> List.of(e.code());
            case Excludes1Pair e -> List.of(e.code(), e.excluded());
            case ManifestationAsPrincipal e -> List.of(e.code());
            case UnacceptablePrincipal e -> List.of(e.code());
            case AgeConflict e -> List.of(e.code());
            case SexConflict e -> List.of(e.code());
            case PoaRequired e -> List.of(e.code());
            case PoaExempt e -> List.of(e.code());
            case EditsNotRun e -> List.of();
        };
    }

    default Severity severity() {
        return switch (this) {
            case SexConflict e -> e.retired() ? Severity.WARNING : Severity.ERROR;
            case PoaExempt e -> Severity.WARNING;
            case Excludes1Pair e -> e.exception().isEmpty() ? Severity.ERROR : Severity.WARNING;
            case EditsNotRun e -> Severity.INFO;
            default -> Severity.ERROR;
        };
    }

    /** A stable name for the kind of finding: "excludes1_pair", "age_conflict", ... */
    default String edit() {
        return getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
