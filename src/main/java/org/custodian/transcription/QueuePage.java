package org.custodian.transcription;

import java.util.List;

/** Queue rows the user may see, and how many others were left out because the patient's record is kept from them. */
public record QueuePage(List<TranscriptionJob> jobs, int withheld) {
}
