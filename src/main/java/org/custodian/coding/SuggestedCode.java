package org.custodian.coding;

/** A suggestion as the coding screen shows it, with the coder's decision on it so far (null: none yet). */
public record SuggestedCode(CodeSuggestion suggestion, SuggestionDecision.Outcome decided) {
}
