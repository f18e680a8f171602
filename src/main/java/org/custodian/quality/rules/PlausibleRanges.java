package org.custodian.quality.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a common lab test or vital sign can take in a living human, by LOINC code and UCUM
 * unit. Far wider than reference ranges: a value outside is a unit mix-up or a typing error, not
 * an abnormal result.
 */
final class PlausibleRanges {
    record Range(String unit, BigDecimal min, BigDecimal max) {
        Range(String unit, String min, String max) {
            this(unit, new BigDecimal(min), new BigDecimal(max));
        }

        boolean contains(BigDecimal value) {
            return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }
    }

    record Test(String name, List<Range> ranges) {
        Optional<Range> forUnit(String unit) {
            return ranges.stream().filter(r -> r.unit().equalsIgnoreCase(unit.trim())).findFirst();
        }

        String units() {
            return String.join(", ", ranges.stream().map(Range::unit).toList());
        }
    }

    private static final Test GLUCOSE = new Test("glucose", List.of(new Range("mg/dL", "5", "2000"), new Range("mmol/L", "0.3", "110")));
    private static final Test CREATININE = new Test("creatinine", List.of(new Range("mg/dL", "0.05", "30"), new Range("umol/L", "4", "2650")));
    private static final Test SODIUM = new Test("sodium", List.of(new Range("mmol/L", "90", "200"), new Range("meq/L", "90", "200")));
    private static final Test POTASSIUM = new Test("potassium", List.of(new Range("mmol/L", "1", "12"), new Range("meq/L", "1", "12")));
    private static final Test CHLORIDE = new Test("chloride", List.of(new Range("mmol/L", "50", "160"), new Range("meq/L", "50", "160")));
    private static final Test CALCIUM = new Test("calcium", List.of(new Range("mg/dL", "2", "20"), new Range("mmol/L", "0.5", "5")));
    private static final Test UREA = new Test("urea nitrogen", List.of(new Range("mg/dL", "0.5", "300"), new Range("mmol/L", "0.2", "107")));

    private static final Map<String, Test> BY_LOINC = Map.ofEntries(
            Map.entry("2339-0", GLUCOSE), Map.entry("2345-7", GLUCOSE),
            Map.entry("2160-0", CREATININE), Map.entry("38483-4", CREATININE),
            Map.entry("2951-2", SODIUM), Map.entry("2947-0", SODIUM),
            Map.entry("2823-3", POTASSIUM), Map.entry("6298-4", POTASSIUM),
            Map.entry("2075-0", CHLORIDE), Map.entry("2069-3", CHLORIDE),
            Map.entry("17861-6", CALCIUM), Map.entry("49765-1", CALCIUM),
            Map.entry("3094-0", UREA), Map.entry("6299-2", UREA),
            Map.entry("718-7", new Test("hemoglobin", List.of(new Range("g/dL", "1", "25"), new Range("g/L", "10", "250")))),
            Map.entry("6690-2", new Test("white blood cell count", List.of(new Range("10*3/uL", "0.05", "500")))),
            Map.entry("777-3", new Test("platelets", List.of(new Range("10*3/uL", "1", "2500")))),
            Map.entry("8310-5", new Test("body temperature", List.of(new Range("Cel", "25", "46"), new Range("[degF]", "77", "115")))),
            Map.entry("29463-7", new Test("body weight", List.of(new Range("kg", "0.2", "650"), new Range("[lb_av]", "0.5", "1400")))),
            Map.entry("8302-2", new Test("body height", List.of(new Range("cm", "20", "280"), new Range("[in_i]", "8", "110")))),
            Map.entry("8867-4", new Test("heart rate", List.of(new Range("/min", "10", "350")))),
            Map.entry("9279-1", new Test("respiratory rate", List.of(new Range("/min", "2", "100")))),
            Map.entry("8480-6", new Test("systolic blood pressure", List.of(new Range("mm[Hg]", "30", "300")))),
            Map.entry("8462-4", new Test("diastolic blood pressure", List.of(new Range("mm[Hg]", "10", "200")))),
            Map.entry("2708-6", new Test("oxygen saturation", List.of(new Range("%", "30", "100")))),
            Map.entry("59408-5", new Test("oxygen saturation", List.of(new Range("%", "30", "100")))));

    private PlausibleRanges() {
    }

    static Optional<Test> of(String loinc) {
        return Optional.ofNullable(BY_LOINC.get(loinc));
    }
}
