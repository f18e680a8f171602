package org.custodian.disclosure;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A release-of-information request as taken in at intake, validated here. */
public record NewRequest(UUID patientId, RequesterType requesterType, String requesterName, String requesterAddress,
                         String informationRequested, Purpose purpose, LocalDate receivedOn,
                         Authorization authorization, boolean part2Consent) {
    public NewRequest {
        Objects.requireNonNull(patientId, "patient");
        if (requesterType == null) {
            throw new IllegalArgumentException("requester type is required");
        }
        if (purpose == null) {
            throw new IllegalArgumentException("purpose is required");
        }
        requesterName = required(requesterName, "requester name", 200);
        informationRequested = required(informationRequested, "information requested", 2000);
        requesterAddress = requesterAddress == null || requesterAddress.isBlank() ? null : requesterAddress.trim();
        if (receivedOn == null) {
            throw new IllegalArgumentException("received date is required");
        }
        if (receivedOn.isAfter(LocalDate.now().plusDays(1))) {
            throw new IllegalArgumentException("received date " + receivedOn + " is in the future");
        }
        authorization = authorization == null ? Authorization.NONE : authorization;
    }

    static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        return value.trim();
    }
}
