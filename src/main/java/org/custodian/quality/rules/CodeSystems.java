package org.custodian.quality.rules;

import java.util.Locale;
import java.util.Optional;
import org.custodian.terminology.CodeSystem;

/** Which loaded code system a stored code's system URI names, if any (SNOMED CT and LOINC are not loaded). */
final class CodeSystems {
    private CodeSystems() {
    }

    static Optional<CodeSystem> of(String systemUri) {
        String s = systemUri.toLowerCase(Locale.ROOT);
        if (s.endsWith("icd-10-cm") || s.endsWith("2.16.840.1.113883.6.90")) {
            return Optional.of(CodeSystem.ICD10CM);
        }
        if (s.endsWith("icd-10-pcs") || s.endsWith("medicare/coding/icd10") || s.endsWith("2.16.840.1.113883.6.4")) {
            return Optional.of(CodeSystem.ICD10PCS);
        }
        if (s.contains("hcpcs") || s.endsWith("2.16.840.1.113883.6.285")) {
            return Optional.of(CodeSystem.HCPCS);
        }
        return Optional.empty();
    }
}
