package org.custodian.training;

import java.util.List;

/**
 * The guided walkthroughs: the main HIM workflows as step lists, each step with a link into the real
 * screen ({@code {patient}} stands for a sandbox patient). Trainees' accounts reach sandbox records only,
 * so every link opens synthetic data.
 */
public enum Walkthrough {
    RELEASE_OF_INFORMATION("Release of information", List.of(
            new Step("Find the patient", "Open the sandbox patient's chart and confirm who the request is about "
                    + "(name and date of birth match the authorization).", "/patients/{patient}"),
            new Step("Log the request", "Log a request from the patient: requester, purpose and the date received; "
                    + "the 30-day deadline is computed for you.", "/roi/new?patient={patient}"),
            new Step("Validate and select", "Open the request from the queue, check the authorization is valid "
                    + "and select only the documents and dates it covers (minimum necessary).", "/roi"),
            new Step("Release and account", "Release the packet (or deny with a reason), then check the "
                    + "accounting of disclosures lists it.", "/roi/patients/{patient}/disclosures"))),
    CHART_DEFICIENCY("Chart deficiency", List.of(
            new Step("Open the deficiency queue", "The analyst's queue lists discharged sandbox charts waiting "
                    + "for review, oldest first.", "/quality/deficiencies"),
            new Step("Review the chart", "Read the chart: is there a discharge summary, is every document "
                    + "signed, are the required notes there?", "/patients/{patient}"),
            new Step("Record the deficiencies", "Back in the queue, mark the chart reviewed and assign each "
                    + "missing signature or document to the responsible physician.", "/quality/deficiencies"))),
    DUPLICATE_REVIEW("Duplicate review", List.of(
            new Step("Search for look-alikes", "Search the sandbox by name and by date of birth; note records "
                    + "that could be the same person.", "/patients"),
            new Step("Compare the records", "Compare the charts field by field: name (nicknames, typos), date "
                    + "of birth (swapped day and month), address, phone and the last four of the SSN.",
                    "/patients/{patient}"),
            new Step("Decide", "Merge only when identifiers agree; otherwise mark not a duplicate or defer for more "
                    + "information. (The live duplicate queue spans all facilities, so trainees practise the "
                    + "comparison on sandbox charts.)", null)));

    /** One step: what to do and where; {@code link} may be null for a step done away from a screen. */
    public record Step(String title, String instructions, String link) {
    }

    private final String title;
    private final List<Step> steps;

    Walkthrough(String title, List<Step> steps) {
        this.title = title;
        this.steps = List.copyOf(steps);
    }

    public String title() {
        return title;
    }

    public List<Step> steps() {
        return steps;
    }

    /** The slug used in URLs, e.g. {@code release-of-information}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Walkthrough ofSlug(String slug) {
        for (Walkthrough w : values()) {
            if (w.slug().equals(slug)) {
                return w;
            }
        }
        throw new TrainingNotFound("there is no walkthrough '" + slug + "'");
    }
}
