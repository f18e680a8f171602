package org.custodian.transcription;

import java.util.List;

/**
 * Queue rows the user may see; labelled documents no one holds yet, which the user may take (and only
 * then open), shown without their title; and how many others were left out because a restriction or a
 * label on the patient or the document keeps them from the user.
 */
public record QueuePage(List<TranscriptionJob> jobs, List<TranscriptionJob> toTake, int withheld) {
    public QueuePage {
        jobs = List.copyOf(jobs);
        toTake = List.copyOf(toTake);
    }
}
