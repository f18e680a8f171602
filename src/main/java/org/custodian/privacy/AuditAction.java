package org.custodian.privacy;

/** What was done (ASTM E2147 event types plus sign-in events). */
public enum AuditAction {
    LOGIN, LOGIN_FAILED, LOGOUT, SEARCH, READ, CREATE, UPDATE, DELETE, PRINT, EXPORT, PRIVILEGE_CHANGE
}
