package org.custodian.coding;

/** No suggestions can be made: no ICD-10-CM release is loaded that is in force on the date of service. */
public class SuggestionsUnavailable extends RuntimeException {
    public SuggestionsUnavailable(String message) {
        super(message);
    }
}
