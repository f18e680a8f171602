package org.custodian.privacy;

/** What a sensitivity label is on: the whole patient, one encounter (and its facts) or one document. */
public enum LabelTarget {
    PATIENT, ENCOUNTER, DOCUMENT
}
