package org.custodian.coding;

/** Whose codes: the coding that is billed, or a second coder's blind re-code for an audit. */
public enum CodingPass { PRIMARY, AUDIT }
