/**
 * Training: a sandbox facility of synthetic (Synthea) patients kept apart from real records, graded
 * coding exercises in sets by topic and difficulty, and guided walkthroughs of the main HIM workflows.
 * Trainees code a copy of an exercise's encounter in the real coding screen ({@code coding}); the
 * {@link org.custodian.training.Grader} compares their codes with the answer key and explains each
 * difference. Trainees' accounts are scoped to the sandbox by {@code privacy}; everything here is audited
 * under the resource type {@code Training}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training",
        allowedDependencies = {"coding", "record", "privacy", "terminology"})
package org.custodian.training;
