package org.custodian.privacy;

/** What was done (ASTM E2147 event types plus sign-in, emergency access and key events). */
public enum AuditAction {
    LOGIN, LOGIN_FAILED, LOGOUT, SEARCH, READ, CREATE, UPDATE, DELETE, PRINT, EXPORT, PRIVILEGE_CHANGE,
    /** A user declared an emergency to read a record the policy denied them (break-the-glass). */
    EMERGENCY_ACCESS,
    /** The privacy officer reviewed an emergency access. */
    REVIEW,
    /** The identifier key was rotated and identifiers sealed again. */
    KEY_ROTATION
}
