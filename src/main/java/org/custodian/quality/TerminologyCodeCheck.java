package org.custodian.quality;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.custodian.quality.rules.CodeCheck;
import org.custodian.terminology.CodeSystem;
import org.custodian.terminology.CodeValidation;
import org.custodian.terminology.Terminology;

/**
 * Code validation through the terminology module, remembered for one scan: ICD-10 verdicts per
 * fiscal year (releases start on October 1), HCPCS per day (its codes carry their own dates).
 */
final class TerminologyCodeCheck implements CodeCheck {
    private final Terminology terminology;
    private final Map<String, CodeValidation> verdicts = new ConcurrentHashMap<>();

    TerminologyCodeCheck(Terminology terminology) {
        this.terminology = terminology;
    }

    @Override
    public CodeValidation validate(CodeSystem system, String code, LocalDate dateOfService) {
        String when = dateOfService == null ? "latest" : system == CodeSystem.HCPCS ? dateOfService.toString()
                : "FY" + (dateOfService.getMonthValue() >= 10 ? dateOfService.getYear() + 1 : dateOfService.getYear());
        return verdicts.computeIfAbsent(system.id() + "|" + code + "|" + when,
                k -> terminology.validate(code, Optional.ofNullable(dateOfService), Optional.of(system)));
    }
}
