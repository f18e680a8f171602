package org.custodian.coding;

/**
 * What a coder did with one computer-assisted suggestion: took it as suggested, replaced it with
 * another code ({@code finalCode}), or turned it down.
 */
public record SuggestionDecision(String suggestedCode, double confidence, String evidence, Outcome outcome,
                                 String finalCode) {
    public enum Outcome { ACCEPTED, EDITED, REJECTED }

    public SuggestionDecision {
        if (suggestedCode == null || suggestedCode.isBlank()) {
            throw new IllegalArgumentException("the suggested code is missing");
        }
        if (outcome == null) {
            throw new IllegalArgumentException("say whether the suggestion is accepted, edited or rejected");
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, not " + confidence);
        }
        if (outcome == Outcome.EDITED && (finalCode == null || finalCode.isBlank())) {
            throw new IllegalArgumentException("an edited suggestion needs the code used instead");
        }
        finalCode = switch (outcome) {
            case ACCEPTED -> suggestedCode;
            case EDITED -> finalCode.trim();
            case REJECTED -> null;
        };
    }
}
