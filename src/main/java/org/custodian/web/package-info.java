/**
 * The server-rendered screens (Thymeleaf, with htmx for live search): sign-in, patient search,
 * the chart and its documents, and the audit report. One small controller per screen; every read
 * of PHI goes through {@link org.custodian.privacy.PhiAccess}, which decides and audits first.
 * Errors become pages in one place ({@code ErrorPages}, {@code ErrorPageController}); no page ever
 * shows a stack trace or exception text that was not written for the user.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web UI", allowedDependencies = {"record", "privacy", "interop :: hl7v2", "analytics", "terminology", "coding", "mpi", "quality", "disclosure", "retention", "scanning", "training", "transcription"})
package org.custodian.web;
