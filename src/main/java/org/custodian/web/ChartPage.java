package org.custodian.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.custodian.record.Patient;
import org.custodian.record.PatientChart;
import org.custodian.record.PatientChart.DocumentRow;
import org.custodian.record.PatientChart.EncounterRow;
import org.custodian.record.PatientChart.IdentifierRow;
import org.springframework.stereotype.Component;

/**
 * The chart page's main part as HTML, written in Java: the template's sixty expressions cost more
 * CPU than the chart's queries (issue 2: p99 under load), so the template keeps only the shared
 * head and header. Every value is escaped ({@link HtmlWriter}); the markup is what the template wrote.
 */
@Component
class ChartPage {
    /** Room for the recent view's main part (about 30,000 characters), so the buffer rarely grows. */
    private static final int PAGE_CHARS = 32 * 1024;

    private final Formats fmt;
    private final ChartTableRows rows;

    ChartPage(Formats fmt, ChartTableRows rows) {
        this.fmt = fmt;
        this.rows = rows;
    }

    /** What the page shows besides the chart itself: which documents, who prints it, where links go. */
    record View(PatientChart chart, List<EncounterRow> encounters, List<DocumentRow> documents,
                Map<UUID, String> encounterNames, int retractedCount, boolean showRetracted, String viewerName,
                String contextPath) {
    }

    String main(View view) {
        HtmlWriter html = new HtmlWriter(PAGE_CHARS);
        Patient patient = view.chart().patient();
        html.markup("<p class=\"breadcrumb no-print\">").open("a").attribute("href", view.contextPath() + "/patients")
                .body().markup("&larr; Patient search</a></p>\n");
        if (view.viewerName() != null) {
            html.element("p", "print-only", "Confidential: contains protected health information. Printed from Custodian by "
                    + view.viewerName() + " on " + fmt.now() + ".").newline();
        }
        banner(html, view.chart());
        contents(html, view);
        abridged(html, view);
        demographics(html, view.chart());
        encounters(html, view);
        problems(html, view);
        procedures(html, view);
        labs(html, view);
        documents(html, view, patient);
        return html.toString();
    }

    private void banner(HtmlWriter html, PatientChart chart) {
        Patient patient = chart.patient();
        html.markup("<section class=\"chart-banner\" aria-labelledby=\"patient-name\">\n<h1 id=\"patient-name\">")
                .element("span", patient.family()).markup(", ").element("span", patient.given()).markup("</h1>\n")
                .markup("<p class=\"banner-facts\">\n<span><span class=\"label\">Born</span> ")
                .element("span", fmt.date(patient.birthDate())).markup("\n(").element("span", fmt.age(patient.birthDate()))
                .markup(")</span>\n<span><span class=\"label\">Sex</span> ").element("span", fmt.word(patient.sex()))
                .markup("</span>\n");
        for (IdentifierRow id : chart.identifiers()) {
            html.markup("<span><span class=\"label\">MRN</span>\n")
                    .element("span", "mono", id.facilityCode() + " " + id.mrn()).markup("</span>");
        }
        if (patient.deceasedAt() != null) {
            html.element("span", "badge deceased", "Deceased " + fmt.date(patient.deceasedAt()));
        }
        html.markup("\n</p>\n</section>\n");
    }

    private void contents(HtmlWriter html, View view) {
        PatientChart chart = view.chart();
        html.markup("<nav class=\"chart-contents no-print\" aria-label=\"Chart sections\">\n<ul>\n")
                .markup("<li><a href=\"#demographics\">Demographics</a></li>\n");
        count(html, "encounters", "Encounters", chart.totals().encounters());
        count(html, "problems", "Problems", chart.diagnoses().size());
        count(html, "procedures", "Procedures", chart.totals().procedures());
        count(html, "labs", "Labs", chart.totals().observations());
        count(html, "documents", "Documents", chart.totals().documents());
        html.markup("<li>").open("a").attribute("href", view.contextPath() + "/scanning/patients/" + chart.patient().id())
                .attribute("id", "scanned-documents").body().markup("Scanned documents</a></li>\n</ul>\n</nav>\n");
    }

    private static void count(HtmlWriter html, String section, String title, int count) {
        html.markup("<li><a href=\"#" + section + "\">" + title + " ").element("span", "count", Integer.toString(count))
                .markup("</a></li>\n");
    }

    private static void abridged(HtmlWriter html, View view) {
        PatientChart chart = view.chart();
        if (!chart.isAbridged()) {
            return;
        }
        PatientChart.Totals totals = chart.totals();
        html.markup("<p class=\"alert info no-print\" role=\"status\">\nThis long record shows the newest\n")
                .element("span", Integer.toString(view.encounters().size())).markup(" of ")
                .element("span", Integer.toString(totals.encounters())).markup(" encounters,\n")
                .element("span", Integer.toString(chart.procedures().size())).markup(" of ")
                .element("span", Integer.toString(totals.procedures())).markup(" procedures,\n")
                .element("span", Integer.toString(chart.observations().size())).markup(" of ")
                .element("span", Integer.toString(totals.observations())).markup(" results and\n")
                .element("span", Integer.toString(chart.documents().size())).markup(" of ")
                .element("span", Integer.toString(totals.documents())).markup(" documents.\n")
                .open("a").attribute("href", view.contextPath() + "/patients/" + chart.patient().id()
                        + "?full=true&retracted=" + view.showRetracted())
                .body().markup("Show the whole chart</a>\n</p>\n");
    }

    private void demographics(HtmlWriter html, PatientChart chart) {
        Patient patient = chart.patient();
        html.markup("<section id=\"demographics\" class=\"chart-section\" aria-labelledby=\"demographics-title\">\n"
                        + "<h2 id=\"demographics-title\">Demographics</h2>\n<div class=\"columns\">\n<dl class=\"facts\">\n")
                .markup("<dt>Name</dt>\n").element("dd", patient.given() + " " + patient.family())
                .markup("\n<dt>Birth date</dt>\n").element("dd", fmt.date(patient.birthDate()))
                .markup("\n<dt>Sex</dt>\n").element("dd", fmt.word(patient.sex()))
                .markup("\n<dt>SSN</dt>\n").element("dd", "mono",
                        chart.ssnLastFour() != null ? "***-**-" + chart.ssnLastFour() : "Not on file").newline();
        if (patient.deceasedAt() != null) {
            html.markup("<dt>Deceased</dt>\n").element("dd", fmt.date(patient.deceasedAt())).newline();
        }
        Patient.Address address = patient.address();
        html.markup("</dl>\n<dl class=\"facts\">\n<dt>Address</dt>\n<dd>\n");
        if (address.line() == null && address.city() == null) {
            html.markup("Not on file\n");
        }
        if (address.line() != null) {
            html.element("span", address.line()).markup("<br>\n");
        }
        html.element("span", fmt.place(address)).markup("\n</dd>\n<dt>Phone</dt>\n")
                .element("dd", fmt.orNone(patient.phone()))
                .markup("\n</dl>\n<div>\n<h3 class=\"minor\">Medical record numbers</h3>\n<table class=\"data compact\">\n"
                        + "<thead><tr><th scope=\"col\">Facility</th><th scope=\"col\">MRN</th></tr></thead>\n<tbody>\n");
        for (IdentifierRow id : chart.identifiers()) {
            html.markup("<tr>\n").element("td", id.facilityName()).newline().element("td", "mono", id.mrn())
                    .markup("\n</tr>\n");
        }
        html.markup("</tbody>\n</table>\n</div>\n</div>\n</section>\n");
    }

    private void encounters(HtmlWriter html, View view) {
        section(html, "encounters", "Encounters", view.encounters().isEmpty(), "No encounters on record.",
                "<table class=\"data\">\n<caption class=\"visually-hidden\">Encounters, newest first</caption>\n"
                        + "<thead>\n<tr>\n" + heads("Admitted", "Discharged", "Class", "Facility", "Visit", "Attending",
                        "Admitting / referring", "Disposition", "Reason") + "</tr>\n</thead>\n",
                into -> rows.encounters(into, view.encounters()));
    }

    private void problems(HtmlWriter html, View view) {
        PatientChart chart = view.chart();
        section(html, "problems", "Problems and diagnoses", chart.diagnoses().isEmpty(),
                "No problems or diagnoses on record.",
                "<table class=\"data\">\n<caption class=\"visually-hidden\">Problems and diagnoses, active first</caption>\n"
                        + "<thead>\n<tr>\n" + heads("Code", "Description", "Status", "Onset", "Resolved", "Encounter")
                        + "<th scope=\"col\"><abbr title=\"Present on admission\">POA</abbr></th>\n</tr>\n</thead>\n",
                into -> rows.diagnoses(into, chart.diagnoses(), view.encounterNames()));
    }

    private void procedures(HtmlWriter html, View view) {
        PatientChart chart = view.chart();
        section(html, "procedures", "Procedures", chart.procedures().isEmpty(), "No procedures on record.",
                "<table class=\"data\">\n<thead>\n<tr>" + heads("Performed", "Code", "Description", "Encounter")
                        + "</tr>\n</thead>\n",
                into -> rows.procedures(into, chart.procedures(), view.encounterNames()));
    }

    private void labs(HtmlWriter html, View view) {
        PatientChart chart = view.chart();
        section(html, "labs", "Lab results", chart.observations().isEmpty(), "No lab results on record.",
                "<table class=\"data labs\">\n<caption class=\"visually-hidden\">Lab results, newest first; abnormal "
                        + "results are flagged</caption>\n<thead>\n<tr>\n" + heads("Collected", "Test")
                        + "<th scope=\"col\" class=\"num\">Result</th>\n" + heads("Unit", "Reference range", "Flag")
                        + "</tr>\n</thead>\n",
                into -> rows.labs(into, chart.observations()));
    }

    private void documents(HtmlWriter html, View view, Patient patient) {
        html.markup("<section id=\"documents\" class=\"chart-section\" aria-labelledby=\"documents-title\">\n"
                + "<h2 id=\"documents-title\">Documents</h2>\n");
        if (view.documents().isEmpty()) {
            html.markup("<p class=\"empty\">No documents on record.</p>\n");
        } else {
            html.markup("<table class=\"data\">\n<caption class=\"visually-hidden\">Clinical documents, newest first</caption>\n"
                            + "<thead>\n<tr>\n" + heads("Title", "Type", "Status")
                            + "<th scope=\"col\" class=\"num\">Versions</th>\n" + heads("Author", "Signed", "Created")
                            + "</tr>\n</thead>\n<tbody>");
            rows.documents(html, patient.id(), view.documents(), view.contextPath()).markup("</tbody>\n</table>\n");
        }
        int retracted = view.retractedCount();
        if (retracted > 0) {
            String chartPath = view.contextPath() + "/patients/" + patient.id();
            html.markup("<p class=\"no-print\">\n");
            if (view.showRetracted()) {
                html.open("a").attribute("href", chartPath + "#documents").body()
                        .markup("Hide documents entered in error</a>\n");
            } else {
                html.open("a").attribute("href", chartPath + "?retracted=true#documents").body()
                        .text("Show " + retracted + (retracted == 1 ? " document" : " documents") + " entered in error")
                        .markup("</a>\n");
            }
            html.markup("</p>\n");
        }
        html.markup("</section>\n");
    }

    /** A section with a table whose head is fixed markup, or a line saying it is empty. */
    private static void section(HtmlWriter html, String id, String title, boolean empty, String emptyText,
                                String tableHead, Consumer<HtmlWriter> tableRows) {
        html.markup("<section id=\"" + id + "\" class=\"chart-section\" aria-labelledby=\"" + id + "-title\">\n<h2 id=\""
                + id + "-title\">" + title + "</h2>\n");
        if (empty) {
            html.markup("<p class=\"empty\">" + emptyText + "</p>\n");
        } else {
            tableRows.accept(html.markup(tableHead).markup("<tbody>"));
            html.markup("</tbody>\n</table>\n");
        }
        html.markup("</section>\n");
    }

    private static String heads(String... titles) {
        StringBuilder cells = new StringBuilder();
        for (String title : titles) {
            cells.append("<th scope=\"col\">").append(title).append("</th>\n");
        }
        return cells.toString();
    }
}
