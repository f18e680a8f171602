package org.custodian.coding.suggest;

/**
 * A word of a note as written, lower case, with its span; {@code breakAfter} says a clause ends after
 * it (sentence end, line end or a comma-like mark), {@code sentenceEndsAfter} that the sentence does.
 */
record Word(String text, int start, int end, boolean clauseEndsAfter, boolean sentenceEndsAfter) {
}
