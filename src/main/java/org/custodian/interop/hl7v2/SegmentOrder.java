package org.custodian.interop.hl7v2;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Segment order checks on the raw text, before HAPI (which tolerates misplaced segments by
 * moving them aside): MSH first, segment names well formed, PID before the visit and the clinical
 * content, an OBX only after the OBR or TXA it belongs to.
 */
final class SegmentOrder {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9]{2}");

    private SegmentOrder() {
    }

    static void check(String text) {
        List<String> names = new ArrayList<>();
        for (String segment : text.split("\r")) {
            if (segment.isBlank()) {
                continue;
            }
            String name = segment.length() >= 3 ? segment.substring(0, 3) : segment;
            if (!NAME.matcher(name).matches() || (segment.length() > 3 && segment.charAt(3) != text.charAt(3))) {
                throw new Hl7Rejection(ErrorCode.SEGMENT_SEQUENCE, new Location(name, count(names, name) + 1, 0, 0),
                        "segment " + (names.size() + 1) + " starts with '" + MshHeader.printable(segment)
                                + "', which is not a segment name followed by the field separator");
            }
            names.add(name);
        }
        if (names.isEmpty() || !names.getFirst().equals("MSH")) {
            throw new Hl7Rejection(ErrorCode.SEGMENT_SEQUENCE, Location.of("MSH", 0), "a message must start with MSH");
        }
        int pid = names.indexOf("PID");
        for (String later : List.of("PV1", "OBR", "TXA", "OBX")) {
            int at = names.indexOf(later);
            if (at >= 0 && pid > at) {
                throw new Hl7Rejection(ErrorCode.SEGMENT_SEQUENCE, Location.of("PID", 0),
                        "PID must come before " + later + " (found at segment " + (pid + 1) + ", " + later
                                + " at segment " + (at + 1) + ")");
            }
        }
        int obx = names.indexOf("OBX");
        int owner = Math.min(index(names, "OBR"), index(names, "TXA"));
        if (obx >= 0 && owner > obx && isResultOrDocument(text)) {
            throw new Hl7Rejection(ErrorCode.SEGMENT_SEQUENCE, Location.of("OBX", 0),
                    "OBX at segment " + (obx + 1) + " comes before the OBR or TXA it belongs to");
        }
    }

    private static boolean isResultOrDocument(String text) {
        MshHeader header = MshHeader.read(text);
        return "ORU".equals(header.messageCode()) || "MDM".equals(header.messageCode());
    }

    private static int index(List<String> names, String name) {
        int i = names.indexOf(name);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static int count(List<String> names, String name) {
        return (int) names.stream().filter(name::equals).count();
    }
}
