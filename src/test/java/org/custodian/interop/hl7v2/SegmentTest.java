package org.custodian.interop.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The message reader gives the values HAPI's typed v2.5.1 parse gave (which the handlers read until it
 * was replaced for speed): every field, repetition, component and subcomponent HAPI defines for the
 * segment, escape sequences included, for messages of every supported type and of older versions.
 */
class SegmentTest {
    private static final PipeParser HAPI = hapi();

    static Stream<String> messages() {
        String pid = "PID|1||M1^^^RGH^MR~X9^^^OTHER&1.2.3&ISO^PI||O\\S\\Brien^Ann\\T\\Marie^Q\\E\\R||19800215|F|||"
                + "1 Main St\\F\\Apt 2^^Springfield^MA^01101~PO Box 5^^Boston^MA||555-0100~555-0101^PRN^CP";
        return Stream.of(
                Hl7Samples.admit("S1", "M1", "V1"),
                Hl7Samples.discharge("S2", "M1", "V1"),
                Hl7Samples.labs("S3", "M1"),
                Hl7Samples.message(Hl7Samples.msh("LAB", "RGH", "ORU^R01", "S4", "2.3"), pid,
                        "PV1|1|I|4W^401^A^RGH||||1234^Welby^Marcus^^^Dr^^^NPI&2.16.840.1.113883.4.6&ISO^L^^^NPI|||||||||||V7",
                        "OBR|1|ORD1^LAB|FIL1|24323-8^Panel^LN|||20260302070000-0500",
                        "NTE|1||a note with \\X000d\\ a hex return and \\H\\highlight\\N\\ and \\Zcustom\\ and a lone \\",
                        "OBX|1|CE|5778-6^Color^LN||YEL^Yellow^L^Y^Yellow^99||||||C|||20260302071500",
                        "OBX|2|NM|2345-7^Glucose^LN|1|182|mg/dL^milligram per deciliter^UCUM|70-99|H~HH|||F",
                        "OBX|3|ST|8251-1^Service^LN||ok^extra^more||||||F",
                        "ZXT|1|custom^segment~x"),
                Hl7Samples.message(Hl7Samples.msh("DICT", "RGH", "MDM^T02^MDM_T02", "S5", "2.4"),
                        "EVN|T02|20260301120000", pid, "PV1|1|O|||||||||||||||||V8",
                        "TXA|1|DS|TX|20260301120000|||||||DOC-1||||||AU",
                        "OBX|1|TX|||Line one\\.br\\Line two~Second rep with \\S\\ and \\R\\~~Fourth||||||F",
                        "OBX|2|FT|||formatted \\.sp2\\ text\\.br\\||||||F"),
                Hl7Samples.message(Hl7Samples.msh("EPIC", "RGH", "ADT^A40^ADT_A39", "S6", "2.5.1"),
                        "EVN|A40|20260301120000", "PID|1||M2^^^RGH^MR||Doe^Jane||19700101|F",
                        "MRG|M3^^^RGH^MR~M4^^^RGH^MR||V3"),
                Hl7Samples.message(Hl7Samples.msh("EPIC", "RGH", "ADT^A08", "S7", "2.2"),
                        "EVN|A08|20260301120000", "PID|1||M5^^^RGH^MR||\"\"^Jane||  19700101  |F",
                        "PV1|", "PV1|1|E|ED^^^RGH|||||||||||||||V9|||||||||||||||||||||||||20260301120000"));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void readsEveryValueAsHapisTypedParseDid(String text) throws HL7Exception {
        List<ca.uhn.hl7v2.model.Segment> expected = hapiSegments(HAPI.parse(text));
        Segments actual = Hl7Parser.parse(text);
        Map<String, Integer> seen = new HashMap<>();
        int compared = 0;
        for (ca.uhn.hl7v2.model.Segment theirs : expected) {
            int occurrence = seen.merge(theirs.getName(), 1, Integer::sum);
            Segment ours = actual.all().stream().filter(s -> s.name().equals(theirs.getName()) && !s.isEmpty())
                    .skip(occurrence - 1).findFirst().orElseThrow(() -> new AssertionError("no " + theirs.getName()));
            for (int field = 1; field <= theirs.numFields(); field++) {
                String where = theirs.getName() + "#" + occurrence + "-" + field;
                assertThat(ours.repetitions(field)).as(where + " repetitions").isEqualTo(theirs.getField(field).length);
                for (int rep = 0; rep < 3; rep++) {
                    for (int component = 1; component <= 12; component++) {
                        // HAPI also lets a subcomponent index past 1 of a primitive reach its extra components
                        int subs = isPrimitive(theirs, field, rep, component) ? 1 : 3;
                        for (int sub = 1; sub <= subs; sub++) {
                            assertThat(ours.value(field, rep, component, sub))
                                    .as(where + "(" + rep + ")." + component + "." + sub)
                                    .isEqualTo(hapiValue(theirs, field, rep, component, sub));
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1_000);
    }

    @Test
    void resolvesEscapeSequencesAndKeepsFormattingOnes() {
        Segment obx = Hl7Parser.parse(Hl7Samples.message(Hl7Samples.msh("ORU^R01", "E1"),
                "PID|1||M1^^^RGH^MR", "OBR|1", "OBX|1|TX|||a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\\.br\\g")).required("OBX");
        assertThat(obx.value(5, 0, 1, 1)).isEqualTo("a|b^c&d~e\\f\\.br\\g");
    }

    @Test
    void anEmptySegmentIsNotFoundAndAbsentValuesAreNull() {
        Segments segments = Hl7Parser.parse(Hl7Samples.message(Hl7Samples.msh("ADT^A08", "E2"),
                "EVN|A08", "PID|1||M1^^^RGH^MR", "PV1|^^~&"));
        assertThat(segments.first("PV1")).isEmpty();
        Segment pid = segments.required("PID");
        assertThat(pid.value(3, 0, 4, 1)).isEqualTo("RGH");
        assertThat(pid.value(3, 1, 1, 1)).isNull();
        assertThat(pid.value(3, 0, 2, 1)).isNull();
        assertThat(pid.value(99, 0, 1, 1)).isNull();
        assertThat(pid.repetitions(5)).isZero();
        assertThat(segments.required("MSH").value(2, 0, 1, 1)).isEqualTo("^~\\&");
    }

    /** What Terser read; HAPI refuses a repetition past the next one, which the handlers read as absent. */
    private static String hapiValue(ca.uhn.hl7v2.model.Segment segment, int field, int rep, int component, int sub) {
        try {
            String value = Terser.get(segment, field, rep, component, sub);
            return value == null || value.isEmpty() ? null : value;
        } catch (HL7Exception e) {
            return null;
        }
    }

    private static boolean isPrimitive(ca.uhn.hl7v2.model.Segment segment, int field, int rep, int component) {
        try {
            if (rep >= segment.getField(field).length) {
                return false;
            }
            Type type = segment.getField(field, rep);
            type = type instanceof Varies v ? v.getData() : type;
            if (type instanceof Composite c) {
                type = component <= c.getComponents().length ? c.getComponent(component - 1) : type;
                type = type instanceof Varies v ? v.getData() : type;
            }
            return type instanceof Primitive;
        } catch (HL7Exception e) {
            return false;
        }
    }

    private static List<ca.uhn.hl7v2.model.Segment> hapiSegments(Group group) throws HL7Exception {
        List<ca.uhn.hl7v2.model.Segment> all = new ArrayList<>();
        for (String name : group.getNames()) {
            for (Structure s : group.getAll(name)) {
                if (s instanceof ca.uhn.hl7v2.model.Segment segment && !segment.isEmpty()) {
                    all.add(segment);
                } else if (s instanceof Group child) {
                    all.addAll(hapiSegments(child));
                }
            }
        }
        return all;
    }

    @SuppressWarnings("resource")
    private static PipeParser hapi() {
        HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        return context.getPipeParser();
    }
}
