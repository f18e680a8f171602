package org.custodian.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.custodian.disclosure.Cohort;
import org.custodian.disclosure.SafeHarborExport;
import org.custodian.disclosure.SafeHarborOptions;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The de-identified analytics extract: one facility's patients, encounters, diagnoses, procedures
 * and results as the Safe Harbor export writes them (the 18 identifiers removed, dates to the year,
 * ages over 89 as 90+, ZIP to 3 digits, with its data dictionary), zipped for download. For analysts
 * who may both see the figures and de-identify; the export audits itself.
 */
@Controller
class AnalyticsExtractController {
    private final SafeHarborExport export;
    private final FacilityRepository facilities;

    AnalyticsExtractController(SafeHarborExport export, FacilityRepository facilities) {
        this.export = export;
        this.facilities = facilities;
    }

    @GetMapping("/analytics/extract.zip")
    ResponseEntity<StreamingResponseBody> extract(@RequestParam(defaultValue = "") String facility,
                                                  @AuthenticationPrincipal CustodianUser user) throws IOException {
        if (!user.can(Permission.VIEW_ANALYTICS) || !user.can(Permission.DEIDENTIFY)) {
            throw new PageForbidden("A de-identified extract needs both the analytics and the de-identification permission.");
        }
        Facility chosen = facilities.byIds(user.facilityIds()).stream()
                .filter(f -> f.code().equalsIgnoreCase(facility.strip())).findFirst()
                .orElseThrow(() -> new PageNotFound("Choose one of your facilities for the extract; '"
                        + facility.strip() + "' is not one of them."));
        Path folder = Files.createTempDirectory("custodian-extract-");
        try {
            export.export(new Cohort.AtFacility(chosen.code()), SafeHarborOptions.yearsOnly(), folder,
                    user.getUsername(), (done, total) -> { });
        } catch (RuntimeException e) {
            FileSystemUtils.deleteRecursively(folder);
            throw e;
        }
        StreamingResponseBody body = out -> {
            try {
                zip(folder, out);
            } finally {
                FileSystemUtils.deleteRecursively(folder);
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"custodian-deidentified-"
                        + chosen.code().toLowerCase(java.util.Locale.ROOT) + ".zip\"")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(body);
    }

    private static void zip(Path folder, OutputStream out) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(Files::isRegularFile).sorted().toList();
        }
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
