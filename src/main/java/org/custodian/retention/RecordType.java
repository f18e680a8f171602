package org.custodian.retention;

/** The kinds of record a retention schedule governs. */
public enum RecordType {
    /** A visit and everything recorded on it: diagnoses, procedures, results, documents, coding. */
    ENCOUNTER("Encounter records", "Encounter"),
    /** The PDF copy of a release-of-information packet (the accounting entry itself stays). */
    ROI_PACKET("Release packets", "RoiPacket"),
    /**
     * A raw HL7 v2 message as received, with its replays; the facts it carried stay in the record.
     * Never one not yet applied, nor a dead letter still awaiting its replay.
     */
    RAW_MESSAGE("Raw interface messages", "HL7Message");

    private final String label;
    private final String resourceType;

    RecordType(String label, String resourceType) {
        this.label = label;
        this.resourceType = resourceType;
    }

    public String label() {
        return label;
    }

    /** How the audit trail names one record of this type. */
    public String resourceType() {
        return resourceType;
    }

    /**
     * Whether records of this type belong to one facility (release packets belong to no facility; a
     * raw message belongs to its sending facility).
     */
    public boolean perFacility() {
        return this != ROI_PACKET;
    }
}
