package org.custodian.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.custodian.record.DocumentStatus;
import org.custodian.record.Observation;
import org.custodian.record.PatientChart.DiagnosisRow;
import org.custodian.record.PatientChart.DocumentRow;
import org.custodian.record.PatientChart.EncounterRow;
import org.custodian.record.PatientChart.ProcedureRow;
import org.springframework.stereotype.Component;

/**
 * The rows of the chart's five long tables as HTML (the template keeps the tables' heads). Written
 * in Java because a hundred rows of template expressions took two thirds of the chart's CPU time;
 * the markup is what the template wrote before, and every value is escaped ({@link HtmlWriter}).
 */
@Component
class ChartTableRows {
    private final Formats fmt;

    ChartTableRows(Formats fmt) {
        this.fmt = fmt;
    }

    String encounters(List<EncounterRow> rows) {
        return encounters(new HtmlWriter(), rows).toString();
    }

    /** Writes the rows into {@code html}, so a page can be built in one buffer. */
    HtmlWriter encounters(HtmlWriter html, List<EncounterRow> rows) {
        for (EncounterRow e : rows) {
            html.open("tr").body();
            time(html.open("td").body(), e.admitAt()).close("td");
            if (e.dischargeAt() != null) {
                time(html.open("td").body(), e.dischargeAt()).close("td");
            } else {
                html.open("td").body().element("span", "badge active", "Still admitted").close("td");
            }
            html.element("td", e.encounterClass().label())
                    .element("td", e.facilityName())
                    .element("td", "mono", fmt.orNone(e.visitNumber()))
                    .element("td", fmt.orNone(e.attending()))
                    .element("td", fmt.orNone(admittingAndReferring(e)))
                    .element("td", fmt.orNone(e.dischargeDisposition()))
                    .element("td", fmt.orNone(e.reason()))
                    .close("tr").newline();
        }
        return html;
    }

    /** The admitting and referring doctors (HL7 PV1-17, PV1-8) in one cell; null when neither is known. */
    private static String admittingAndReferring(EncounterRow e) {
        String admitting = e.admitting() == null ? null : "Admitting: " + e.admitting();
        String referring = e.referring() == null ? null : "Referring: " + e.referring();
        return admitting == null ? referring : referring == null ? admitting : admitting + " · " + referring;
    }

    String diagnoses(List<DiagnosisRow> rows, Map<UUID, String> encounterNames) {
        return diagnoses(new HtmlWriter(), rows, encounterNames).toString();
    }

    /** Writes the rows into {@code html}, so a page can be built in one buffer. */
    HtmlWriter diagnoses(HtmlWriter html, List<DiagnosisRow> rows, Map<UUID, String> encounterNames) {
        for (DiagnosisRow d : rows) {
            html.open("tr").body();
            html.open("td", "mono").body().element("span", d.code().code()).text(" ")
                    .element("span", "code-system", fmt.system(d.code().system())).close("td");
            html.open("td").body().element("span", d.code().display());
            if (d.principal()) {
                html.text(" ").element("span", "badge principal", "Principal");
            }
            html.close("td");
            boolean active = d.resolvedAt() == null;
            html.open("td").body().element("span", active ? "badge active" : "badge resolved", active ? "Active" : "Resolved")
                    .close("td")
                    .element("td", fmt.date(d.onsetAt()))
                    .element("td", fmt.date(d.resolvedAt()))
                    .element("td", fmt.orNone(encounterNames.get(d.encounterId())))
                    .element("td", fmt.orNone(d.poa()))
                    .close("tr").newline();
        }
        return html;
    }

    String procedures(List<ProcedureRow> rows, Map<UUID, String> encounterNames) {
        return procedures(new HtmlWriter(), rows, encounterNames).toString();
    }

    /** Writes the rows into {@code html}, so a page can be built in one buffer. */
    HtmlWriter procedures(HtmlWriter html, List<ProcedureRow> rows, Map<UUID, String> encounterNames) {
        for (ProcedureRow p : rows) {
            html.open("tr").body().element("td", fmt.dateTime(p.performedAt()));
            html.open("td", "mono").body().element("span", p.code().code()).text(" ")
                    .element("span", "code-system", fmt.system(p.code().system())).close("td");
            html.element("td", p.code().display())
                    .element("td", fmt.orNone(encounterNames.get(p.encounterId())))
                    .close("tr").newline();
        }
        return html;
    }

    String labs(List<Observation> rows) {
        return labs(new HtmlWriter(), rows).toString();
    }

    /** Writes the rows into {@code html}, so a page can be built in one buffer. */
    HtmlWriter labs(HtmlWriter html, List<Observation> rows) {
        for (Observation o : rows) {
            html.open("tr", o.isAbnormal() ? "abnormal flag-" + o.abnormalFlag().name().toLowerCase(Locale.ROOT) : null)
                    .body().element("td", fmt.dateTime(o.observedAt()));
            html.open("td").body().element("span", o.display()).text(" ")
                    .element("span", "code-system", "LOINC " + o.loincCode()).close("td");
            html.element("td", "num result", fmt.result(o))
                    .element("td", fmt.orNone(o.unit()))
                    .element("td", fmt.range(o));
            html.open("td").body();
            if (o.isAbnormal()) {
                String flag = fmt.flag(o.abnormalFlag());
                html.open("abbr", "flag").attribute("title", flag).body().text(o.abnormalFlag().name()).close("abbr")
                        .text(" ").element("span", "visually-hidden", flag);
            }
            html.close("td").close("tr").newline();
        }
        return html;
    }

    String documents(UUID patientId, List<DocumentRow> rows, String contextPath) {
        return documents(new HtmlWriter(), patientId, rows, contextPath).toString();
    }

    /** Writes the rows into {@code html}, so a page can be built in one buffer. */
    HtmlWriter documents(HtmlWriter html, UUID patientId, List<DocumentRow> rows, String contextPath) {
        for (DocumentRow d : rows) {
            boolean retracted = d.status() == DocumentStatus.ENTERED_IN_ERROR;
            html.open("tr", retracted ? "retracted" : null).body();
            html.open("td").body()
                    .open("a").attribute("href", contextPath + "/patients/" + patientId + "/documents/" + d.id()).body()
                    .text(d.title()).close("a").close("td");
            html.element("td", d.type().label());
            html.open("td").body().element("span", "badge status-" + d.status().name().toLowerCase(Locale.ROOT),
                    retracted ? "Entered in error" : fmt.word(d.status())).close("td");
            html.element("td", "num", Integer.toString(d.versions()))
                    .element("td", fmt.orNone(d.author()))
                    .element("td", fmt.dateTime(d.signedAt()))
                    .element("td", fmt.dateTime(d.createdAt()))
                    .close("tr").newline();
        }
        return html;
    }

    private HtmlWriter time(HtmlWriter html, Instant at) {
        return html.open("time").attribute("datetime", fmt.iso(at)).body().text(fmt.dateTime(at)).close("time");
    }
}
