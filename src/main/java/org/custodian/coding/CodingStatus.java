package org.custodian.coding;

import java.util.Set;

/** Where an encounter stands in coding; each status says which may follow it. */
public enum CodingStatus {
    TO_CODE("To code"),
    IN_PROGRESS("In progress"),
    ON_HOLD_QUERY("On hold – physician query"),
    CODED("Coded"),
    AUDITED("Audited");

    private final String label;

    CodingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses a case may move to from this one. */
    public Set<CodingStatus> next() {
        return switch (this) {
            case TO_CODE -> Set.of(IN_PROGRESS, ON_HOLD_QUERY);
            case IN_PROGRESS -> Set.of(TO_CODE, ON_HOLD_QUERY, CODED);
            case ON_HOLD_QUERY -> Set.of(IN_PROGRESS);
            case CODED -> Set.of(IN_PROGRESS, AUDITED);
            case AUDITED -> Set.of();
        };
    }

    /**
     * The statuses a coder may move this case to by hand, in queue order: coded and audited are reached
     * only by finalising the coding or its audit; from coded, back to in progress is reopening.
     */
    public java.util.List<CodingStatus> byHand() {
        return java.util.Arrays.stream(values()).filter(s -> next().contains(s) && !s.isFinal()).toList();
    }

    /** Whether the coding is final: the bill can drop (coded, or coded and audited). */
    public boolean isFinal() {
        return this == CODED || this == AUDITED;
    }

    /** Whether codes may still be added or removed (the billed coding is fixed once coded). */
    public boolean editable() {
        return this == TO_CODE || this == IN_PROGRESS || this == ON_HOLD_QUERY;
    }
}
