package org.custodian.web;

import java.util.Locale;
import java.util.UUID;
import org.custodian.coding.CodingStatus;
import org.custodian.coding.QueueFilter;
import org.custodian.record.EncounterClass;

/** The coding queue's filter as the form sends it; empty fields do not filter. */
record CodingQueueForm(String facility, String encounterClass, String payer, String status, String assignee,
                       String minAge, String maxAge, String sort) {
    static final int PAGE_SIZE = 100;

    QueueFilter toFilter() {
        return new QueueFilter(facilityId(), encounterClassValue(), blankToNull(payer), statusValue(), blankToNull(assignee),
                days(minAge, "minimum age"), days(maxAge, "maximum age"), sortValue(), PAGE_SIZE);
    }

    private UUID facilityId() {
        if (blank(facility)) {
            return null;
        }
        try {
            return UUID.fromString(facility.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("facility '" + facility + "' is not one of the listed facilities");
        }
    }

    private EncounterClass encounterClassValue() {
        return blank(encounterClass) ? null : named(EncounterClass.class, encounterClass, "encounter class");
    }

    private CodingStatus statusValue() {
        return blank(status) ? null : named(CodingStatus.class, status, "status");
    }

    private QueueFilter.Sort sortValue() {
        return blank(sort) ? QueueFilter.Sort.OLDEST : named(QueueFilter.Sort.class, sort, "sort");
    }

    private static Integer days(String text, String what) {
        if (blank(text)) {
            return null;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a whole number of days");
        }
    }

    private static <E extends Enum<E>> E named(Class<E> type, String text, String what) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not one of the choices");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return blank(text) ? null : text.trim();
    }
}
