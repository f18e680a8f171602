package org.custodian.coding;

import java.util.UUID;

/** A practitioner a physician query can be addressed to. */
public record Recipient(UUID practitionerId, String name) {
}
