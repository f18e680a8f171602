package org.custodian.coding.suggest;

/** What a note says about a condition it names. Later constants win where scopes overlap. */
enum Assertion {
    AFFIRMED,
    UNCERTAIN,
    HISTORY,
    FAMILY,
    NEGATED
}
