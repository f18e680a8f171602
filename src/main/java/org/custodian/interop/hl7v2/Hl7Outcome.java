package org.custodian.interop.hl7v2;

import java.util.Objects;
import java.util.UUID;

/** What became of one inbound message. {@link AckWriter} turns each into its ACK. */
sealed interface Hl7Outcome {
    /** Applied and committed. */
    record Accepted(UUID patientId, String summary) implements Hl7Outcome {
    }

    /** The same sender already had this control id accepted; nothing applied again. */
    record Duplicate(UUID originalMessageId) implements Hl7Outcome {
    }

    /** Not applied; kept as a dead letter with the reason. */
    record Rejected(ErrorCode code, Location location, String message) implements Hl7Outcome {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(message, "message");
        }

        String reason() {
            return location == Location.MESSAGE ? message : location + ": " + message;
        }
    }
}
