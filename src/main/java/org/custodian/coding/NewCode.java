package org.custodian.coding;

import java.time.LocalDate;
import org.custodian.record.Diagnosis.PresentOnAdmission;

/** A code a coder adds: a diagnosis with its principal flag and POA, or a procedure with its date. */
public sealed interface NewCode {
    String code();

    record Diagnosis(String code, boolean principal, PresentOnAdmission poa) implements NewCode {
        public Diagnosis {
            code = requireCode(code);
        }
    }

    record Procedure(String code, LocalDate performedOn) implements NewCode {
        public Procedure {
            code = requireCode(code);
        }
    }

    private static String requireCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("enter a code");
        }
        return code.trim();
    }
}
