package org.custodian.quality.rules;

import java.time.LocalDate;
import org.custodian.terminology.CodeSystem;
import org.custodian.terminology.CodeValidation;

/** Validates a code against the release in force on the date of service. */
@FunctionalInterface
public interface CodeCheck {
    CodeValidation validate(CodeSystem system, String code, LocalDate dateOfService);
}
