package org.custodian.coding;

import java.time.Instant;
import java.util.List;
import org.custodian.record.EncounterClass;

/**
 * A physician's open documentation queries. {@code linked} is false when the user's account is not
 * linked to a practitioner record, so no query can be addressed to them.
 */
public record QueryInbox(boolean linked, List<Item> items) {
    public QueryInbox {
        items = List.copyOf(items);
    }

    public record Item(PhysicianQuery query, String patientName, String facilityName, EncounterClass encounterClass,
                       Instant admitAt, Instant dischargeAt) {
    }
}
