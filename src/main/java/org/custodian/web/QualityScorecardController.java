package org.custodian.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.quality.Scorecard;
import org.custodian.quality.Scorecards;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Chart-completion scorecards as charts: per facility, department and physician; deficiencies by age; the trend. */
@Controller
class QualityScorecardController {
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MM/dd").withZone(ZoneOffset.UTC);

    private final Scorecards scorecards;

    QualityScorecardController(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    @GetMapping("/quality/scorecards")
    String scorecards(@AuthenticationPrincipal CustodianUser user, Model model) {
        if (!user.can(Permission.VIEW_QUALITY)) {
            throw new PageForbidden("Your role does not include the data quality scorecards.");
        }
        Scorecard card = scorecards.scorecard(user);
        model.addAttribute("card", card);
        model.addAttribute("sections", List.of(
                section("Facility", card.byFacility()), section("Department", card.byDepartment()),
                section("Attending physician", card.byPhysician())));
        model.addAttribute("ageChart", QualitySvgCharts.countColumns("Open deficiencies by days since discharge",
                card.openByAge().stream().map(a -> new QualitySvgCharts.Bar(a.label(), a.openDeficiencies(),
                        String.valueOf(a.openDeficiencies()))).toList()));
        model.addAttribute("trendChart", QualitySvgCharts.trend("Completeness and delinquency rate by week",
                card.trend().stream().map(t -> new QualitySvgCharts.Point(WEEK.format(t.at()), t.completenessRate(),
                        t.delinquencyRate())).toList(), "Completeness rate", "Delinquency rate"));
        model.addAttribute("tabs", QualityTabs.of(user));
        return "quality/scorecards";
    }

    private static Section section(String name, List<Scorecard.Row> rows) {
        String completeness = QualitySvgCharts.rateBars("Completeness rate by " + name.toLowerCase(), rows.stream()
                .map(r -> new QualitySvgCharts.Bar(r.group(), r.completenessRate(), QualitySvgCharts.percent(r.completenessRate())
                        + " of " + r.discharges())).toList(), "chart-bar good");
        String delinquency = QualitySvgCharts.rateBars("Delinquency rate by " + name.toLowerCase(), rows.stream()
                .map(r -> new QualitySvgCharts.Bar(r.group(), r.delinquencyRate(), QualitySvgCharts.percent(r.delinquencyRate())
                        + " (" + r.delinquent() + ")")).toList(), "chart-bar bad");
        return new Section(name, rows, completeness, delinquency);
    }

    record Section(String name, List<Scorecard.Row> rows, String completenessChart, String delinquencyChart) {
    }
}
