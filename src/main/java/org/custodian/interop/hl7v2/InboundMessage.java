package org.custodian.interop.hl7v2;

import java.time.ZoneId;
import java.util.UUID;
import org.custodian.record.Provenance;

/**
 * A parsed message being applied: its stored id, header, segments, the provenance its facts get and
 * the scope of the batch it is applied in.
 */
record InboundMessage(UUID id, MshHeader header, Segments segments, Provenance provenance, String remoteAddress,
                      ZoneId zone, BatchScope scope) {

    static String usernameFor(MshHeader header) {
        return "hl7:" + (header.sendingApplication() == null ? "unknown" : header.sendingApplication());
    }

    /** The time the message stands for when a segment gives none: EVN-2, else MSH-7. */
    java.time.Instant messageTime() {
        java.time.Instant evn = segments.first("EVN").map(s -> new Fields(s).time(2, zone)).orElse(null);
        if (evn != null) {
            return evn;
        }
        java.time.Instant msh = new Fields(segments.required("MSH")).time(7, zone);
        return msh != null ? msh : provenance.receivedAt();
    }
}
