package org.custodian.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.scanning.ScanFile;
import org.custodian.scanning.ScanReading;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The scan's page-1 preview and its original file, each read behind the access decision and
 * audited. Never cached by the browser (PHI); the original is always a download, never rendered inline.
 */
@Controller
class ScanningFileController {
    private final ScanReading reading;

    ScanningFileController(ScanReading reading) {
        this.reading = reading;
    }

    @GetMapping(ScanningScanController.PATH + "/preview.png")
    ResponseEntity<Resource> preview(@PathVariable UUID scanId, @AuthenticationPrincipal CustodianUser user,
                                     HttpServletRequest request) {
        ScanFile file = reading.preview(user, request.getRemoteAddr(), scanId).orElseThrow(() -> missing(scanId));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
                .body(new FileSystemResource(file.path()));
    }

    @GetMapping(ScanningScanController.PATH + "/file")
    ResponseEntity<Resource> original(@PathVariable UUID scanId, @AuthenticationPrincipal CustodianUser user,
                                      HttpServletRequest request) {
        ScanFile file = reading.original(user, request.getRemoteAddr(), scanId).orElseThrow(() -> missing(scanId));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.downloadName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(file.path()));
    }

    private static PageNotFound missing(UUID scanId) {
        return new PageNotFound("There is no scanned document " + scanId + ".");
    }
}
