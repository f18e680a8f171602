package org.custodian.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custodian.analytics.BillingMetrics;
import org.custodian.analytics.CodeCount;
import org.custodian.analytics.CodeKind;
import org.custodian.analytics.DeliveryMetrics;
import org.custodian.analytics.MeasureSummary;
import org.custodian.analytics.MonthlyStays;
import org.custodian.analytics.MonthlyVolume;
import org.custodian.analytics.OutcomeMeasure;
import org.custodian.analytics.OutcomeMeasures;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The analytics dashboard: DNFB (count, gross charges, days), healthcare delivery (encounters,
 * length of stay, readmissions, top codes) and outcome measures for the user's facilities over a period, as charts with their tables,
 * each exportable as CSV. The patient lists behind a measure are PHI and go through PhiAccess.
 */
@Controller
class AnalyticsController {
    static final int TOP = 10;
    static final int TOP_EXPORT = 100;

    private final DeliveryMetrics delivery;
    private final OutcomeMeasures measures;
    private final FacilityRepository facilities;
    private final AnalyticsHimOperations operations;
    private final BillingMetrics billing;
    private final ZoneId zone = ZoneId.systemDefault();

    AnalyticsController(DeliveryMetrics delivery, OutcomeMeasures measures, FacilityRepository facilities,
                        AnalyticsHimOperations operations, BillingMetrics billing) {
        this.delivery = delivery;
        this.billing = billing;
        this.measures = measures;
        this.facilities = facilities;
        this.operations = operations;
    }

    @GetMapping("/analytics")
    String dashboard(@ModelAttribute("filter") AnalyticsFilter filter, @AuthenticationPrincipal CustodianUser user,
                     HttpServletResponse response, Model model) {
        List<Facility> allowed = allowed(user);
        model.addAttribute("facilities", allowed);
        AnalyticsFilter.Resolved scope;
        try {
            scope = filter.resolve(allowed, YearMonth.now(zone));
        } catch (IllegalArgumentException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", ErrorPages.sentence(invalid.getMessage()));
            return "analytics/dashboard";
        }
        List<MonthlyVolume> byMonth = delivery.admissionsByMonth(scope.facilityIds(), scope.period());
        List<MonthlyStays> stays = delivery.inpatientStays(scope.facilityIds(), scope.period());
        var byFacility = delivery.admissionsByFacility(scope.facilityIds(), scope.period());
        List<CodeCount> diagnoses = delivery.topCodes(CodeKind.DIAGNOSIS, scope.facilityIds(), scope.period(), TOP);
        List<CodeCount> procedures = delivery.topCodes(CodeKind.PROCEDURE, scope.facilityIds(), scope.period(), TOP);
        Map<OutcomeMeasure, List<MeasureSummary>> outcome = measures.summaries(scope.facilityIds()).stream()
                .collect(Collectors.groupingBy(MeasureSummary::measure, () -> new java.util.EnumMap<>(OutcomeMeasure.class),
                        Collectors.toList()));

        AnalyticsDnfb dnfb = AnalyticsDnfb.of(billing.dnfb(scope.facilityIds(), scope.period(), LocalDate.now(zone)));

        model.addAttribute("scope", scope);
        model.addAttribute("dnfb", dnfb);
        model.addAttribute("totals", AnalyticsTotals.of(byMonth, stays));
        model.addAttribute("byMonth", byMonth);
        model.addAttribute("byFacility", byFacility);
        model.addAttribute("stays", stays);
        model.addAttribute("diagnoses", diagnoses);
        model.addAttribute("procedures", procedures);
        model.addAttribute("outcome", outcome);
        model.addAttribute("caseMixAvailable", delivery.caseMixAvailable());
        model.addAttribute("operations", operations.of(user, scope.period()));
        model.addAttribute("canListPatients", user.can(Permission.SEARCH_PATIENTS));
        model.addAttribute("canExtract", user.can(Permission.DEIDENTIFY));
        model.addAttribute("charts", Map.of(
                "byMonth", AnalyticsCharts.admissionsByMonth(byMonth, scope.period()),
                "dnfb", AnalyticsCharts.dnfb(dnfb),
                "byFacility", AnalyticsCharts.admissionsByFacility(byFacility),
                "stays", AnalyticsCharts.stays(stays),
                "diagnoses", AnalyticsCharts.topCodes(diagnoses, "Encounters"),
                "procedures", AnalyticsCharts.topCodes(procedures, "Encounters"),
                "measures", outcome.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(),
                        e -> AnalyticsCharts.measure(e.getValue())))));
        model.addAttribute("exportQuery", filter.query());
        return "analytics/dashboard";
    }

    @GetMapping("/analytics/export/{report}.csv")
    ResponseEntity<String> export(@PathVariable String report, @ModelAttribute AnalyticsFilter filter,
                                  @AuthenticationPrincipal CustodianUser user) {
        AnalyticsFilter.Resolved scope;
        try {
            scope = filter.resolve(allowed(user), YearMonth.now(zone));
        } catch (IllegalArgumentException invalid) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(invalid.getMessage() + "\n");
        }
        var ids = scope.facilityIds();
        var period = scope.period();
        AnalyticsCsv csv = switch (report) {
            case "admissions-by-month" -> new AnalyticsCsv("month", "class", "encounters").rows(
                    delivery.admissionsByMonth(ids, period).stream()
                            .map(v -> new Object[] {v.month().toString(), v.encounterClass().label(), v.encounters()}).toList());
            case "admissions-by-facility" -> new AnalyticsCsv("facility", "class", "encounters").rows(
                    delivery.admissionsByFacility(ids, period).stream()
                            .map(v -> new Object[] {v.facility(), v.encounterClass().label(), v.encounters()}).toList());
            case "inpatient-stays" -> new AnalyticsCsv("month", "discharges", "inpatient_days", "average_length_of_stay",
                    "index_stays", "readmissions_30_day", "readmission_rate").rows(
                    delivery.inpatientStays(ids, period).stream().map(s -> new Object[] {s.month().toString(),
                            s.discharges(), s.inpatientDays(), s.averageLengthOfStay(), s.indexStays(), s.readmissions(),
                            s.readmissionRate()}).toList());
            case "top-diagnoses", "top-procedures" -> new AnalyticsCsv("code_system", "code", "description", "encounters")
                    .rows(delivery.topCodes(report.equals("top-diagnoses") ? CodeKind.DIAGNOSIS : CodeKind.PROCEDURE,
                            ids, period, TOP_EXPORT).stream()
                            .map(c -> new Object[] {c.systemName(), c.code(), c.display(), c.encounters()}).toList());
            case "dnfb" -> new AnalyticsCsv("facility", "month", "as_of", "dnfb_encounters",
                    "dnfb_encounters_without_charges", "dnfb_gross_charges", "window_gross_revenue", "window_days",
                    "average_daily_gross_revenue", "dnfb_days", "discharges", "discharges_without_charges").rows(
                    AnalyticsDnfb.of(billing.dnfb(ids, period, LocalDate.now(zone))).exportRows().stream()
                            .map(d -> new Object[] {d.facility(), d.month().toString(), d.asOf().toString(),
                                    d.encounters(), d.withoutCharges(), d.grossCharges(), d.windowRevenue(),
                                    d.windowDays(), d.averageDailyRevenue(), d.days(), d.discharges(),
                                    d.dischargesWithoutCharges()}).toList());
            case "outcome-measures" -> new AnalyticsCsv("measure", "facility", "population", "numerator",
                    "without_result", "rate").rows(measures.summaries(ids).stream().map(s -> new Object[] {
                            s.measure().title(), s.facility(), s.population(), s.numerator(), s.withoutResult(), s.rate()})
                    .toList());
            default -> throw new PageNotFound("There is no report called " + report + ".");
        };
        String name = "custodian-" + report + "-" + period.first() + "-to-" + period.last() + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv.toString());
    }

    @GetMapping("/analytics/measures/{slug}")
    String measurePatients(@PathVariable String slug, @ModelAttribute("filter") AnalyticsFilter filter,
                           @AuthenticationPrincipal CustodianUser user, Model model) {
        OutcomeMeasure measure;
        try {
            measure = OutcomeMeasure.fromSlug(slug);
        } catch (IllegalArgumentException unknown) {
            throw new PageNotFound("There is no outcome measure called " + slug + ".");
        }
        AnalyticsFilter.Resolved scope;
        try {
            scope = filter.resolve(allowed(user), YearMonth.now(zone));
        } catch (IllegalArgumentException invalid) {
            throw new PageNotFound(ErrorPages.sentence(invalid.getMessage()));
        }
        model.addAttribute("measure", measure);
        AnalyticsDnfb dnfb = AnalyticsDnfb.of(billing.dnfb(scope.facilityIds(), scope.period(), LocalDate.now(zone)));

        model.addAttribute("scope", scope);
        model.addAttribute("dnfb", dnfb);
        model.addAttribute("patients", measures.patients(user, measure, scope.facilityIds()));
        return "analytics/measure-patients";
    }

    private List<Facility> allowed(CustodianUser user) {
        // the training sandbox's synthetic encounters never count in real figures (issue 8)
        return facilities.byIds(user.facilityIds()).stream()
                .filter(f -> f.type() != org.custodian.record.FacilityType.TRAINING)
                .sorted(java.util.Comparator.comparing(Facility::name)).toList();
    }
}
