package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.ChartTableRowsTest.ESCAPED;
import static org.custodian.web.ChartTableRowsTest.HOSTILE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.EncounterClass;
import org.custodian.record.FacilityType;
import org.custodian.record.Patient;
import org.custodian.record.PatientChart;
import org.custodian.record.PatientChart.DocumentRow;
import org.custodian.record.PatientChart.EncounterRow;
import org.custodian.record.PatientChart.IdentifierRow;
import org.custodian.record.Sex;
import org.junit.jupiter.api.Test;

/** The chart page's main part written in Java: what the template wrote, every value escaped. */
class ChartPageMarkupTest {
    static final Instant ADMITTED = Instant.parse("2025-01-02T08:30:00Z");

    final Formats fmt = new Formats();
    final ChartPage page = new ChartPage(fmt, new ChartTableRows(fmt));
    final UUID patientId = UUID.randomUUID();

    @Test
    void everyValueOfTheBannerAndDemographicsIsEscaped() {
        Patient hostile = new Patient(patientId, HOSTILE, HOSTILE, LocalDate.of(1980, 3, 7), Sex.FEMALE,
                new Patient.Address(HOSTILE, HOSTILE, "MA", "01103"), HOSTILE, null);
        PatientChart chart = chart(hostile, List.of(new IdentifierRow(HOSTILE, HOSTILE, HOSTILE)), List.of(), List.of(),
                new PatientChart.Totals(0, 0, 0, 0));

        String html = page.main(view(chart, List.of(), 0, false, HOSTILE));

        assertThat(html).contains("<h1 id=\"patient-name\"><span>" + ESCAPED + "</span>, <span>" + ESCAPED + "</span></h1>",
                        "<dd>" + ESCAPED + " " + ESCAPED + "</dd>", "<span>" + ESCAPED + "</span><br>",
                        "<span class=\"mono\">" + ESCAPED + " " + ESCAPED + "</span>", "<td class=\"mono\">" + ESCAPED + "</td>",
                        "<dd>" + ESCAPED + "</dd>", "Printed from Custodian by " + ESCAPED + " on ")
                .doesNotContain("<script", "'x'", "\"quoted");
    }

    @Test
    void theBannerCountsAndEmptySectionsAreShownAsTheTemplateDid() {
        Patient patient = new Patient(patientId, "Maria", "Gonzales", LocalDate.of(1984, 3, 7), Sex.FEMALE,
                Patient.Address.NONE, null, ADMITTED);
        PatientChart chart = chart(patient, List.of(new IdentifierRow("GH", "General Hospital", "000123")), List.of(),
                List.of(), new PatientChart.Totals(0, 0, 0, 0));

        String html = page.main(view(chart, List.of(), 0, false, null));

        assertThat(html).startsWith("<p class=\"breadcrumb no-print\"><a href=\"/app/patients\">&larr; Patient search</a></p>")
                .contains("<span class=\"label\">MRN</span>\n<span class=\"mono\">GH 000123</span>",
                        "<span class=\"badge deceased\">Deceased 01/02/2025</span>", "<dt>Deceased</dt>",
                        "<dd class=\"mono\">Not on file</dd>", "<dd>\nNot on file\n", "<dd>–</dd>",
                        "<li><a href=\"#encounters\">Encounters <span class=\"count\">0</span></a></li>",
                        "<a href=\"/app/scanning/patients/" + patientId + "\" id=\"scanned-documents\">",
                        "<p class=\"empty\">No encounters on record.</p>", "<p class=\"empty\">No lab results on record.</p>",
                        "<p class=\"empty\">No documents on record.</p>")
                .doesNotContain("print-only", "alert info", "<table class=\"data\">", "entered in error");
    }

    @Test
    void aLongRecordSaysItShowsTheNewestAndLinksToTheWholeChart() {
        Patient patient = new Patient(patientId, "Maria", "Gonzales", LocalDate.of(1984, 3, 7), Sex.FEMALE,
                Patient.Address.NONE, null, null);
        EncounterRow encounter = new EncounterRow(UUID.randomUUID(), "General Hospital", FacilityType.HOSPITAL,
                EncounterClass.INPATIENT, "V1", ADMITTED, null, null, null, null, null, null);
        PatientChart chart = chart(patient, List.of(), List.of(encounter), List.of(), new PatientChart.Totals(40, 0, 0, 0));

        String html = page.main(view(chart, List.of(), 0, true, null));

        assertThat(html).contains("This long record shows the newest\n<span>1</span> of <span>40</span> encounters,",
                "<a href=\"/app/patients/" + patientId + "?full=true&amp;retracted=true\">Show the whole chart</a>",
                "<tbody><tr><td><time datetime=\"2025-01-02T08:30:00Z\">");
    }

    @Test
    void documentsEnteredInErrorAreOfferedOrHiddenByTheirLink() {
        Patient patient = new Patient(patientId, "Maria", "Gonzales", LocalDate.of(1984, 3, 7), Sex.FEMALE,
                Patient.Address.NONE, null, null);
        DocumentRow retracted = new DocumentRow(UUID.randomUUID(), null, DocumentType.PROGRESS_NOTE, "Wrong patient",
                DocumentStatus.ENTERED_IN_ERROR, 1, null, null, ADMITTED, null);
        PatientChart chart = chart(patient, List.of(), List.of(), List.of(retracted), new PatientChart.Totals(0, 0, 0, 1));

        String hidden = page.main(view(chart, List.of(), 1, false, null));
        String shown = page.main(view(chart, List.of(retracted), 1, true, null));

        assertThat(hidden).contains("<p class=\"empty\">No documents on record.</p>",
                "<a href=\"/app/patients/" + patientId + "?retracted=true#documents\">Show 1 document entered in error</a>");
        assertThat(shown).contains("<tr class=\"retracted\">",
                "<a href=\"/app/patients/" + patientId + "#documents\">Hide documents entered in error</a>");
    }

    private static PatientChart chart(Patient patient, List<IdentifierRow> identifiers, List<EncounterRow> encounters,
                                      List<DocumentRow> documents, PatientChart.Totals totals) {
        return new PatientChart(patient, null, identifiers, encounters, List.of(), List.of(), List.of(), documents, totals);
    }

    private static ChartPage.View view(PatientChart chart, List<DocumentRow> documents, int retracted, boolean showRetracted,
                                       String viewerName) {
        return new ChartPage.View(chart, chart.encounters(), documents, Map.of(), retracted, showRetracted, viewerName, "/app");
    }
}
