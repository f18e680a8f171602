package org.custodian.training;

import java.util.Locale;
import org.custodian.coding.CodedLine;
import org.custodian.record.Diagnosis.PresentOnAdmission;

/**
 * One code of an answer key, or one code a trainee gave: a diagnosis (principal or not, with its POA
 * indicator) or a procedure. {@code code} is kept without dot, upper case.
 */
public record AnswerLine(CodedLine.Kind kind, String code, String description, boolean principal,
                         PresentOnAdmission poa) {
    public AnswerLine {
        java.util.Objects.requireNonNull(kind, "kind");
        code = code == null ? "" : code.replace(".", "").strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9]{3,7}")) {
            throw new IllegalArgumentException("code '" + code + "' is not an ICD-10 code (3 to 7 letters and digits)");
        }
        description = description == null ? "" : description.strip();
        if (kind == CodedLine.Kind.PROCEDURE && (principal || poa != null)) {
            throw new IllegalArgumentException("procedure " + code + " takes no principal flag or POA indicator");
        }
    }

    public static AnswerLine diagnosis(String code, String description, boolean principal, PresentOnAdmission poa) {
        return new AnswerLine(CodedLine.Kind.DIAGNOSIS, code, description, principal, poa);
    }

    public static AnswerLine procedure(String code, String description) {
        return new AnswerLine(CodedLine.Kind.PROCEDURE, code, description, false, null);
    }

    /** The code as coders write it: ICD-10-CM with its dot after the category. */
    public String display() {
        return kind == CodedLine.Kind.DIAGNOSIS && code.length() > 3 ? code.substring(0, 3) + "." + code.substring(3) : code;
    }

    /** The first three characters: the ICD-10-CM category, or the PCS section, body system and root operation. */
    public String category() {
        return code.substring(0, 3);
    }

    /** The code with its description, for explanations. */
    String named() {
        return description.isEmpty() ? display() : display() + " (" + description + ")";
    }
}
