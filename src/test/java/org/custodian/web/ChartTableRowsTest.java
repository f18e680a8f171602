package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.record.CodedValue;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.EncounterClass;
import org.custodian.record.FacilityType;
import org.custodian.record.Observation;
import org.custodian.record.PatientChart.DiagnosisRow;
import org.custodian.record.PatientChart.DocumentRow;
import org.custodian.record.PatientChart.EncounterRow;
import org.custodian.record.PatientChart.ProcedureRow;
import org.junit.jupiter.api.Test;

/** The chart's table rows written in Java: the template's markup, every value escaped. */
class ChartTableRowsTest {
    static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";
    static final String ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;";
    static final Instant ADMITTED = Instant.parse("2025-01-02T08:30:00Z");

    final ChartTableRows rows = new ChartTableRows(new Formats());
    final UUID encounterId = UUID.randomUUID();

    @Test
    void markupInEveryTextColumnIsEscaped() {
        String encounters = rows.encounters(List.of(new EncounterRow(encounterId, HOSTILE, FacilityType.HOSPITAL,
                EncounterClass.INPATIENT, HOSTILE, ADMITTED, null, HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE)));
        String diagnoses = rows.diagnoses(List.of(new DiagnosisRow(encounterId, new CodedValue(HOSTILE, HOSTILE, HOSTILE),
                true, HOSTILE, ADMITTED, null)), Map.of(encounterId, HOSTILE));
        String procedures = rows.procedures(List.of(new ProcedureRow(encounterId,
                new CodedValue(HOSTILE, HOSTILE, HOSTILE), ADMITTED)), Map.of(encounterId, HOSTILE));
        String labs = rows.labs(List.of(new Observation(UUID.randomUUID(), UUID.randomUUID(), encounterId, HOSTILE,
                HOSTILE, null, HOSTILE, HOSTILE, null, null, Observation.AbnormalFlag.A, ADMITTED)));
        String documents = rows.documents(UUID.randomUUID(), List.of(new DocumentRow(UUID.randomUUID(), encounterId,
                DocumentType.PROGRESS_NOTE, HOSTILE, DocumentStatus.FINAL, 1, HOSTILE, ADMITTED, ADMITTED, null)), "");

        for (String html : List.of(encounters, diagnoses, procedures, labs, documents)) {
            assertThat(html).contains(ESCAPED).doesNotContain("<script", "'x'", "\"quoted");
        }
    }

    @Test
    void encountersShowTimesForMachinesAndPeopleAndAnOpenStay() {
        String html = rows.encounters(List.of(new EncounterRow(encounterId, "General Hospital", FacilityType.HOSPITAL,
                EncounterClass.INPATIENT, null, ADMITTED, null, null, null, null, null, null)));
        assertThat(html).startsWith("<tr><td><time datetime=\"2025-01-02T08:30:00Z\">")
                .contains("<span class=\"badge active\">Still admitted</span>", "<td>Inpatient</td>",
                        "<td class=\"mono\">–</td>");
    }

    @Test
    void encountersShowTheirAdmittingAndReferringDoctorsInOneColumn() {
        String both = rows.encounters(List.of(new EncounterRow(encounterId, "General Hospital", FacilityType.HOSPITAL,
                EncounterClass.INPATIENT, "V1", ADMITTED, null, "Ada Attending", null, null, "Al Admitting",
                "Rita Referring")));
        String referredOnly = rows.encounters(List.of(new EncounterRow(encounterId, "General Hospital",
                FacilityType.HOSPITAL, EncounterClass.INPATIENT, "V1", ADMITTED, null, null, null, null, null,
                "Rita Referring")));
        assertThat(both).contains("<td>Ada Attending</td><td>Admitting: Al Admitting · Referring: Rita Referring</td>");
        assertThat(referredOnly).contains("<td>–</td><td>Referring: Rita Referring</td>");
    }

    @Test
    void abnormalResultsAreFlaggedInTextAndStyleAndNormalOnesAreNot() {
        String html = rows.labs(List.of(
                new Observation(UUID.randomUUID(), UUID.randomUUID(), null, "2823-3", "Potassium",
                        new BigDecimal("5.9"), null, "mmol/L", new BigDecimal("3.5"), new BigDecimal("5.1"), null, ADMITTED),
                new Observation(UUID.randomUUID(), UUID.randomUUID(), null, "2951-2", "Sodium",
                        new BigDecimal("140"), null, "mmol/L", new BigDecimal("135"), new BigDecimal("145"), null, ADMITTED)));
        String potassium = html.lines().toList().get(0);
        String sodium = html.lines().toList().get(1);
        assertThat(potassium).startsWith("<tr class=\"abnormal flag-h\">")
                .contains("<abbr class=\"flag\" title=\"High\">H</abbr>", "<span class=\"visually-hidden\">High</span>",
                        "<td>3.5–5.1</td>", "<td class=\"num result\">5.9</td>");
        assertThat(sodium).startsWith("<tr><td>").doesNotContain("abnormal", "<abbr");
    }

    @Test
    void documentsLinkToTheirPageAndARetractedOneSaysSo() {
        UUID patientId = UUID.randomUUID();
        UUID documentId = UUID.randomUUID();
        String html = rows.documents(patientId, List.of(new DocumentRow(documentId, null, DocumentType.PROGRESS_NOTE,
                "Progress note", DocumentStatus.ENTERED_IN_ERROR, 2, null, null, ADMITTED, null)), "/app");
        assertThat(html).startsWith("<tr class=\"retracted\">")
                .contains("<a href=\"/app/patients/" + patientId + "/documents/" + documentId + "\">Progress note</a>",
                        "<span class=\"badge status-entered_in_error\">Entered in error</span>", "<td class=\"num\">2</td>");
    }
}
