package org.custodian.interop.hl7v2;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.FactCorrections;
import org.custodian.record.Observation;
import org.custodian.record.RecordWriter;
import org.springframework.stereotype.Component;

/**
 * ORU^R01: every OBX under its OBR becomes an observation, keyed by the LOINC code in OBX-3. A result
 * is identified by its order (OBR-3 filler, else OBR-2 placer order number; else the encounter),
 * its code and OBX-4 sub-id, so a later message about the same result (OBX-11 C correction, F after
 * P, D delete, X cannot be obtained, W wrong) replaces it as a new version that keeps the earlier one.
 */
@Component
class OruHandler {
    private static final Set<String> LOINC = Set.of("LN", "LOINC", "2.16.840.1.113883.6.1");

    /** One OBX as read: the observation it states (null when it states no value) and its status. */
    private record Result(UUID id, boolean keyed, ResultStatus status, Observation.Status recorded,
                          Observation observation) {
    }

    private final PatientResolver resolver;
    private final ClinicalQueries clinical;
    private final FactCorrections corrections;

    OruHandler(PatientResolver resolver, ClinicalQueries clinical, FactCorrections corrections) {
        this.resolver = resolver;
        this.clinical = clinical;
        this.corrections = corrections;
    }

    Hl7Outcome.Accepted apply(InboundMessage message) {
        var patient = resolver.resolve(message, message.segments().required("PID"), false);
        UUID encounterId = EncounterLink.find(message, patient.facility().id(), patient.patientId());
        String byEncounter = encounterId == null ? null : "encounter/" + encounterId;
        Instant orderTime = null;
        String order = byEncounter;
        int obxCount = 0;
        List<Result> results = new ArrayList<>();
        Map<String, Integer> keysSeen = new HashMap<>();
        for (Segment segment : message.segments().all()) {
            switch (segment.name()) {
                case "OBR" -> {
                    Fields obr = new Fields(segment);
                    orderTime = obr.time(7, message.zone());
                    String number = orderNumber(obr);
                    order = number != null ? number : byEncounter;
                }
                case "OBX" -> {
                    obxCount++;
                    Fields obx = new Fields(segment, obxCount);
                    ResultStatus status = ResultStatus.of(obx);
                    String[] code = loinc(obx);
                    UUID id = UUID.randomUUID();
                    if (order != null) {
                        String key = patient.patientId() + "/" + order + "/" + code[0] + "/" + Objects.toString(obx.get(4), "");
                        int seen = keysSeen.merge(key, 1, Integer::sum);
                        id = UUID.nameUUIDFromBytes(("hl7/observation/" + key + (seen == 1 ? "" : "#" + seen))
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    Observation.Status recorded = ResultStatus.recorded(obx);
                    results.add(new Result(id, order != null, status, recorded, observation(obx, code, id,
                            patient.patientId(), encounterId, orderTime != null ? orderTime : message.messageTime(),
                            recorded, message)));
                }
                default -> {
                }
            }
        }
        if (obxCount == 0) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, Location.of("OBX", 0), "ORU^R01 holds no OBX result");
        }
        return new Hl7Outcome.Accepted(patient.patientId(), write(results, patient.patientId(), message));
    }

    /** New results are inserted with the batch; results already in the record are replaced one by one. */
    private String write(List<Result> results, UUID patientId, InboundMessage message) {
        BatchScope scope = message.scope();
        List<UUID> keyed = results.stream().filter(Result::keyed).map(Result::id).toList();
        Set<UUID> known = keyed.isEmpty() ? Set.of() : scope.knownResults(patientId, keyed);
        if (!known.isEmpty()) {
            scope.flush(); // results added earlier in this batch are stored before they are read and replaced
        }
        RecordWriter.Batch batch = scope.pending();
        int added = 0;
        int replaced = 0;
        int withdrawn = 0;
        for (Result r : results) {
            boolean isKnown = known.contains(r.id());
            switch (r.status()) {
                case RESULT, NOW_FINAL -> {
                    if (r.observation() == null) {
                        if (r.status() == ResultStatus.NOW_FINAL && isKnown) {
                            replaced += finalise(r.id(), message) ? 1 : 0;
                        }
                        continue; // a result line with no value: nothing to change
                    }
                    if (!isKnown) {
                        batch.observation(r.observation(), message.provenance());
                        scope.resultAdded(r.id());
                        added++;
                    } else if (!clinical.observation(r.id()).map(r.observation()::equals).orElse(false)) {
                        corrections.replace(r.observation(), message.provenance());
                        replaced++;
                    }
                }
                case CANNOT_BE_OBTAINED, DELETED, WRONG -> {
                    if (isKnown) {
                        Observation current = clinical.observation(r.id()).orElseThrow();
                        corrections.replace(new Observation(current.id(), current.patientId(), current.encounterId(),
                                current.loincCode(), current.display(), null, r.status().withdrawal(), null, null, null,
                                null, current.observedAt(), r.recorded()), message.provenance());
                        withdrawn++;
                    }
                }
                case NO_RESULT -> {
                }
            }
        }
        scope.added();
        return added + " results" + (replaced > 0 ? ", " + replaced + " replaced" : "")
                + (withdrawn > 0 ? ", " + withdrawn + " withdrawn" : "");
    }

    /** U: the preliminary result already stored becomes final, its value unchanged; false when it already was. */
    private boolean finalise(UUID id, InboundMessage message) {
        Observation current = clinical.observation(id).orElseThrow();
        if (current.status() == Observation.Status.FINAL) {
            return false;
        }
        corrections.replace(current.withStatus(Observation.Status.FINAL), message.provenance());
        return true;
    }

    /** OBR-3 filler order number, else OBR-2 placer order number, with its namespace; null when neither is sent. */
    private static String orderNumber(Fields obr) {
        for (int field : new int[] {3, 2}) {
            String id = obr.get(field, 1);
            if (id != null) {
                String namespace = obr.get(field, 2);
                return (field == 3 ? "filler/" : "placer/") + id + (namespace == null ? "" : "@" + namespace);
            }
        }
        return null;
    }

    /** The observation OBX states, with the given id; null when it states no value. */
    private static Observation observation(Fields obx, String[] code, UUID id, UUID patientId, UUID encounterId,
                                           Instant fallback, Observation.Status status, InboundMessage message) {
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
        return new Observation(id, patientId, encounterId, code[0], code[1], numeric, text,
                obx.get(6, 1) != null ? obx.get(6, 1) : obx.get(6, 2), range[0], range[1], flag(obx),
                observed != null ? observed : fallback, status);
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
