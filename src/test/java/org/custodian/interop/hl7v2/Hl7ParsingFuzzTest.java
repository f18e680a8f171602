package org.custodian.interop.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneOffset;

/**
 * Whatever bytes arrive, framing terminates and parsing ends in a message or a rejection that
 * names where; never another exception. In a normal test run these replay the seed inputs in
 * {@code Hl7ParsingFuzzTestInputs/}; run with {@code JAZZER_FUZZ=1} to search for new ones.
 */
class Hl7ParsingFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parsingRejectsOrAcceptsButNeverCrashes(byte[] data) {
        RawMessage raw = RawMessage.of(data, "fuzz");
        String text = raw.text();
        MshHeader header = MshHeader.read(text);
        try {
            if (raw.problem() != null) {
                throw new Hl7Rejection(raw.problem().code(), raw.problem().location(), raw.problem().message());
            }
            header.validate(text);
            MessageRouter.requireSupported(header);
            Segments segments = Hl7Parser.parse(text);
            int occurrence = 0;
            for (Segment segment : segments.all()) {
                Fields fields = new Fields(segment, ++occurrence);
                fields.get(3, 0, 1, 1);
                fields.repetitions(5);
                if (segment.name().equals("PID")) {
                    fields.date(7);
                }
                if (segment.name().equals("OBX")) {
                    fields.time(14, ZoneOffset.UTC);
                    ResultStatus.of(fields);
                }
                if (segment.name().equals("PV1")) {
                    EncounterRevision.explicitClass(fields);
                    EncounterRevision.location(fields);
                    fields.time(45, ZoneOffset.UTC);
                }
            }
            assertThat(AckWriter.ack(header, new Hl7Outcome.Accepted(null, ""))).startsWith("MSH|");
        } catch (Hl7Rejection expected) {
            String ack = AckWriter.ack(header, expected.rejected());
            assertThat(ack).contains("\rMSA|A", "\rERR|");
            assertThat(ack.split("\r")).allMatch(segment -> segment.matches("(?s)(MSH|MSA|ERR)\\|.*"));
        }
    }

    @FuzzTest(maxDuration = "60s")
    void framingAlwaysTerminates(byte[] data) throws IOException {
        var reader = new MllpFrameReader(new ByteArrayInputStream(data), 64, "fuzz");
        int frames = 0;
        RawMessage frame;
        while ((frame = reader.next()) != null) {
            frames++;
            assertThat(frame.bytes().length).isLessThanOrEqualTo(64);
            assertThat(frames).isLessThanOrEqualTo(data.length + 1);
        }
    }
}
