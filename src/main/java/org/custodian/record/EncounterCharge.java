package org.custodian.record;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * Gross charges billed for an encounter by one claim (the full price before any payer adjustment),
 * e.g. a FHIR Claim's total. An encounter's gross charges are the sum over its claims.
 */
public record EncounterCharge(UUID id, UUID patientId, UUID encounterId, BigDecimal amount, String currency) {
    public EncounterCharge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(encounterId, "encounterId");
        if (amount == null) {
            throw new IllegalArgumentException("the charge amount is required");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("gross charges cannot be negative: " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("a charge has at most two decimals (cents): " + amount.toPlainString());
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("the currency must be an ISO 4217 code like USD, not " + currency);
        }
    }
}
