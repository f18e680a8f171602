package org.custodian.interop.hl7v2;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A message's segments in the order they were sent. */
final class Segments {
    private final List<Segment> all;

    Segments(List<Segment> all) {
        this.all = List.copyOf(all);
    }

    /** The segments of {@code text}, whose MSH the caller has checked ({@link MshHeader#validate}). */
    static Segments of(String text) {
        Segment.Delimiters delimiters = Segment.Delimiters.of(text);
        List<Segment> all = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\r', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            if (!line.isBlank()) {
                all.add(new Segment(line, delimiters));
            }
            start = end + 1;
        }
        return new Segments(all);
    }

    List<Segment> all() {
        return all;
    }

    Optional<Segment> first(String name) {
        for (Segment s : all) {
            if (s.name().equals(name) && !s.isEmpty()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    Segment required(String name) {
        return first(name).orElseThrow(() -> new Hl7Rejection(ErrorCode.SEGMENT_SEQUENCE, Location.of(name, 0),
                "segment " + name + " is required"));
    }
}
