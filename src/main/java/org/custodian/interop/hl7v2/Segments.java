package org.custodian.interop.hl7v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A parsed message's segments in order, whatever group structure HAPI chose for it. */
final class Segments {
    private final List<Segment> all = new ArrayList<>();

    Segments(Message message) {
        collect(message);
    }

    List<Segment> all() {
        return all;
    }

    Optional<Segment> first(String name) {
        return all.stream().filter(s -> s.getName().equals(name) && !isEmpty(s)).findFirst();
    }

    Segment required(String name) {
        return first(name).orElseThrow(() -> new Hl7Rejection(ErrorCode.SEGMENT_SEQUENCE, Location.of(name, 0),
                "segment " + name + " is required"));
    }

    private void collect(Group group) {
        for (String name : group.getNames()) {
            try {
                for (Structure s : group.getAll(name)) {
                    if (s instanceof Segment segment) {
                        all.add(segment);
                    } else if (s instanceof Group child) {
                        collect(child);
                    }
                }
            } catch (HL7Exception e) {
                throw new IllegalStateException("HAPI listed " + name + " but cannot return it", e);
            }
        }
    }

    private static boolean isEmpty(Segment segment) {
        try {
            return segment.isEmpty();
        } catch (HL7Exception e) {
            return true;
        }
    }
}
