package org.custodian.coding;

/**
 * A failed coding edit: a stable rule name, where it applies (e.g. "diagnosis 2 (E11.9)") and a
 * message the coder can act on. A clean encounter has none.
 */
public record CodingEdit(String rule, String where, String message) {
}
