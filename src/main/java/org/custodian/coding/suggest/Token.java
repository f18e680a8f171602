package org.custodian.coding.suggest;

/** A normalised word and the span of the original text it stands for ({@code end} exclusive). */
public record Token(String word, int start, int end) {
}
