package org.custodian.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.record.FacilityRepository;
import org.custodian.scanning.Intake;
import org.custodian.scanning.ScanActor;
import org.custodian.scanning.ScanIntake;
import org.custodian.scanning.ScanReading;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The indexer's inbox: upload scanned files (several at once), the scans waiting to be indexed,
 * and the files refused at intake with the reason. For those with INDEX_SCANS. An upload over the
 * limit is refused by the servlet container before it gets here (413, see {@link ErrorPage}).
 */
@Controller
class ScanningInboxController {
    static final String PATH = "/scanning";

    private final ScanIntake intake;
    private final ScanReading reading;
    private final FacilityRepository facilities;

    ScanningInboxController(ScanIntake intake, ScanReading reading, FacilityRepository facilities) {
        this.intake = intake;
        this.reading = reading;
        this.facilities = facilities;
    }

    @GetMapping(PATH)
    String inbox(@AuthenticationPrincipal CustodianUser user, HttpServletRequest request, Model model) {
        if (!user.can(Permission.INDEX_SCANS)) {
            if (user.can(Permission.REVIEW_SCAN_QUALITY)) {
                return "redirect:" + ScanningQaController.PATH;
            }
            throw new PageForbidden("Your role does not include indexing scanned documents.");
        }
        model.addAttribute("scans", reading.inbox(user, request.getRemoteAddr()));
        model.addAttribute("rejected", reading.rejected(user, request.getRemoteAddr()));
        model.addAttribute("facilities", facilities.byIds(user.facilityIds()));
        model.addAttribute("maxSize", maxSize());
        return "scanning/inbox";
    }

    @PostMapping(PATH + "/upload")
    String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @RequestParam(name = "facility", required = false) UUID facility,
                  @AuthenticationPrincipal CustodianUser user, HttpServletRequest request,
                  RedirectAttributes flash) throws IOException {
        if (!user.can(Permission.INDEX_SCANS)) {
            throw new PageForbidden("Your role does not include uploading scanned documents.");
        }
        if (facility != null && !user.facilityIds().contains(facility)) {
            throw new IllegalArgumentException("you may only upload scans for your own facilities");
        }
        List<MultipartFile> sent = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()
                || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())).toList();
        if (sent.isEmpty()) {
            flash.addFlashAttribute("problem", "Choose one or more scanned files (PDF, PNG, JPEG or TIFF) to upload.");
            return "redirect:" + PATH;
        }
        ScanActor actor = ScanActor.of(user, request.getRemoteAddr());
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (MultipartFile file : sent) {
            try (InputStream in = file.getInputStream()) {
                switch (intake.receive(in, file.getOriginalFilename(), file.getContentType(), facility, actor)) {
                    case Intake.Accepted a -> accepted.add(a.scan().originalName() + ": " + a.scan().mediaType().label()
                            + ", " + a.scan().pages() + (a.scan().pages() == 1 ? " page" : " pages"));
                    case Intake.Rejected r -> refused.add(r.rejected().originalName() + ": " + r.rejected().reason());
                }
            }
        }
        flash.addFlashAttribute("accepted", accepted);
        flash.addFlashAttribute("refused", refused);
        return "redirect:" + PATH;
    }

    private String maxSize() {
        long bytes = intake.maxBytes();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }
}
