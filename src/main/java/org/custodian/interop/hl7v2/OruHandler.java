package org.custodian.interop.hl7v2;

import ca.uhn.hl7v2.model.Segment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.custodian.record.EncounterRepository;
import org.custodian.record.Observation;
import org.custodian.record.RecordWriter;
import org.springframework.stereotype.Component;

/** ORU^R01: every OBX under its OBR becomes an observation, keyed by the LOINC code in OBX-3. */
@Component
class OruHandler {
    private static final Set<String> LOINC = Set.of("LN", "LOINC", "2.16.840.1.113883.6.1");
    private static final Set<String> SKIPPED_STATUS = Set.of("X", "D", "W");

    private final PatientResolver resolver;
    private final EncounterRepository encounters;
    private final RecordWriter writer;

    OruHandler(PatientResolver resolver, EncounterRepository encounters, RecordWriter writer) {
        this.resolver = resolver;
        this.encounters = encounters;
        this.writer = writer;
    }

    Hl7Outcome.Accepted apply(InboundMessage message) {
        var patient = resolver.resolve(message, message.segments().required("PID"), false);
        UUID encounterId = EncounterLink.find(message, encounters, patient.facility().id(), patient.patientId());
        Instant orderTime = null;
        int obxCount = 0;
        List<Observation> results = new ArrayList<>();
        for (Segment segment : message.segments().all()) {
            switch (segment.getName()) {
                case "OBR" -> {
                    Fields obr = new Fields(segment);
                    orderTime = obr.time(7, message.zone());
                }
                case "OBX" -> {
                    obxCount++;
                    Observation o = observation(new Fields(segment, obxCount), patient.patientId(), encounterId,
                            orderTime != null ? orderTime : message.messageTime(), message);
                    if (o != null) {
                        results.add(o);
                    }
                }
                default -> {
                }
            }
        }
        if (obxCount == 0) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, Location.of("OBX", 0), "ORU^R01 holds no OBX result");
        }
        RecordWriter.Batch batch = writer.batch();
        results.forEach(o -> batch.observation(o, message.provenance()));
        batch.flush();
        return new Hl7Outcome.Accepted(patient.patientId(), results.size() + " results");
    }

    private static Observation observation(Fields obx, UUID patientId, UUID encounterId, Instant fallback,
                                           InboundMessage message) {
        String status = obx.get(11);
        if (status != null && SKIPPED_STATUS.contains(status.toUpperCase(Locale.ROOT))) {
            return null;
        }
        String[] code = loinc(obx);
        String type = obx.get(2) == null ? "ST" : obx.get(2).toUpperCase(Locale.ROOT);
        BigDecimal numeric = null;
        String text = null;
        Location valueAt = obx.at(5, 0);
        switch (type) {
            case "NM" -> numeric = obx.number(obx.get(5), valueAt);
            case "SN" -> {
                String comparator = obx.get(5, 1);
                String separator = obx.get(5, 3);
                if ((comparator == null || comparator.equals("=")) && separator == null) {
                    numeric = obx.number(obx.get(5, 2), obx.at(5, 2));
                } else {
                    text = String.join("", java.util.stream.Stream.of(comparator, obx.get(5, 2), separator, obx.get(5, 4))
                            .filter(java.util.Objects::nonNull).toList());
                }
            }
            case "CE", "CWE", "CNE" -> text = obx.get(5, 2) != null ? obx.get(5, 2) : obx.get(5, 1);
            default -> text = text(obx);
        }
        if (numeric == null && (text == null || text.isBlank())) {
            return null;
        }
        BigDecimal[] range = range(obx);
        Instant observed = obx.time(14, message.zone());
        return new Observation(UUID.randomUUID(), patientId, encounterId, code[0], code[1], numeric, text,
                obx.get(6, 1) != null ? obx.get(6, 1) : obx.get(6, 2), range[0], range[1], flag(obx),
                observed != null ? observed : fallback);
    }

    /** OBX-3 (or its alternate code, OBX-3.4) must be a LOINC code; a blank system is taken as LOINC. */
    private static String[] loinc(Fields obx) {
        String code = obx.get(3, 1);
        String system = obx.get(3, 3);
        if (code != null && (system == null || LOINC.contains(system.toUpperCase(Locale.ROOT)))) {
            return new String[] {code, obx.get(3, 2)};
        }
        String alternate = obx.get(3, 4);
        String alternateSystem = obx.get(3, 6);
        if (alternate != null && alternateSystem != null && LOINC.contains(alternateSystem.toUpperCase(Locale.ROOT))) {
            return new String[] {alternate, obx.get(3, 5) != null ? obx.get(3, 5) : obx.get(3, 2)};
        }
        if (code == null) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, obx.at(3, 1), "observation code is required");
        }
        throw new Hl7Rejection(ErrorCode.TABLE_VALUE_NOT_FOUND, obx.at(3, 3), "code " + code + " is in system " + system
                + ", not LOINC (LN); send the LOINC code in OBX-3 or as the alternate code OBX-3.4-6");
    }

    private static String text(Fields obx) {
        StringBuilder text = new StringBuilder();
        for (int rep = 0; rep < obx.repetitions(5); rep++) {
            String line = obx.get(5, rep, 1, 1);
            if (line != null) {
                text.append(text.isEmpty() ? "" : "\n").append(line);
            }
        }
        return text.toString();
    }

    /** OBX-7 as "low-high", "<high", "<=high", ">low" or ">=low"; anything else is kept out of the numbers. */
    private static BigDecimal[] range(Fields obx) {
        String range = obx.get(7);
        BigDecimal[] none = {null, null};
        if (range == null) {
            return none;
        }
        try {
            String r = range.replace(" ", "");
            if (r.startsWith("<")) {
                return new BigDecimal[] {null, new BigDecimal(r.replaceFirst("^<=?", ""))};
            }
            if (r.startsWith(">")) {
                return new BigDecimal[] {new BigDecimal(r.replaceFirst("^>=?", "")), null};
            }
            int dash = r.indexOf('-', 1);
            return dash < 0 ? none : new BigDecimal[] {new BigDecimal(r.substring(0, dash)), new BigDecimal(r.substring(dash + 1))};
        } catch (NumberFormatException e) {
            return none;
        }
    }

    private static Observation.AbnormalFlag flag(Fields obx) {
        String flag = obx.get(8);
        if (flag == null) {
            return null;
        }
        try {
            return Observation.AbnormalFlag.valueOf(flag.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notInSubset) {
            return Observation.AbnormalFlag.A;
        }
    }
}
