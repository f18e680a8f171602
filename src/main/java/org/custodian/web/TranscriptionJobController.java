package org.custodian.web;

import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.transcription.JobStatus;
import org.custodian.transcription.JobView;
import org.custodian.transcription.TranscriptionJob;
import org.custodian.transcription.TranscriptionQueue;
import org.custodian.transcription.TranscriptionRefused;
import org.custodian.transcription.TranscriptionSigning;
import org.custodian.transcription.TranscriptionWork;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One document in transcription: the editor, QA's pass or return, signing, co-signing and addenda. */
@Controller
class TranscriptionJobController {
    static final String PATH = "/transcription/jobs/{jobId}";

    private final TranscriptionQueue queue;
    private final TranscriptionWork work;
    private final TranscriptionSigning signing;

    TranscriptionJobController(TranscriptionQueue queue, TranscriptionWork work, TranscriptionSigning signing) {
        this.queue = queue;
        this.work = work;
        this.signing = signing;
    }

    @GetMapping(PATH)
    String job(@PathVariable UUID jobId, @AuthenticationPrincipal CustodianUser user, Model model) {
        JobView view;
        try {
            view = TranscriptionGuard.allowed(() -> queue.open(user, jobId));
        } catch (TranscriptionRefused e) {
            throw new PageNotFound(e.getMessage());
        }
        TranscriptionJob job = view.job();
        UUID me = user.can(Permission.SIGN_DOCUMENTS) ? queue.practitionerOf(user).orElse(null) : null;
        model.addAttribute("view", view);
        model.addAttribute("job", job);
        model.addAttribute("patient", view.document().patient());
        model.addAttribute("editable", job.status() == JobStatus.TRANSCRIBING && user.can(Permission.TRANSCRIBE_DOCUMENTS)
                || job.status() == JobStatus.QA_REVIEW && user.can(Permission.REVIEW_TRANSCRIPTION));
        model.addAttribute("canSubmit", job.status() == JobStatus.TRANSCRIBING && user.can(Permission.TRANSCRIBE_DOCUMENTS));
        model.addAttribute("canReview", job.status() == JobStatus.QA_REVIEW && user.can(Permission.REVIEW_TRANSCRIPTION)
                && !user.getUsername().equals(job.transcribedBy()));
        model.addAttribute("canSign", job.status() == JobStatus.AWAITING_SIGNATURE && me != null && me.equals(job.authorId()));
        model.addAttribute("canCosign", job.status() == JobStatus.AWAITING_COSIGNATURE && me != null
                && me.equals(job.cosignerId()));
        model.addAttribute("canAddendum", job.status() == JobStatus.SIGNED && me != null
                && (me.equals(job.authorId()) || me.equals(job.cosignerId())));
        model.addAttribute("signers", queue.signers(user));
        return "transcription/job";
    }

    @PostMapping(PATH + "/save")
    String save(@PathVariable UUID jobId, @RequestParam int version, @RequestParam(required = false) String body,
                @RequestParam(required = false) UUID author, @RequestParam(required = false) UUID cosigner,
                @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        if (TranscriptionGuard.step(() -> work.edit(user, jobId, version, body, author, cosigner), flash, "Not saved") != null) {
            flash.addFlashAttribute("done", "Saved.");
        }
        return back(jobId);
    }

    /** Takes a labelled document no one holds (to transcribe or to QA); it opens to the user once theirs. */
    @PostMapping(PATH + "/take")
    String take(@PathVariable UUID jobId, @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        TranscriptionJob job = TranscriptionGuard.step(() -> work.take(user, jobId), flash, "Not taken");
        if (job == null) {
            return "redirect:" + TranscriptionQueueController.PATH;
        }
        flash.addFlashAttribute("done", "Taken: this document is now yours to "
                + (job.status() == JobStatus.QA_REVIEW ? "review." : "transcribe."));
        return back(jobId);
    }

    @PostMapping(PATH + "/submit")
    String submit(@PathVariable UUID jobId, @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        if (TranscriptionGuard.step(() -> work.submit(user, jobId), flash, "Not sent to QA") != null) {
            flash.addFlashAttribute("done", "Sent to QA review.");
        }
        return back(jobId);
    }

    @PostMapping(PATH + "/pass")
    String pass(@PathVariable UUID jobId, @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        TranscriptionJob job = TranscriptionGuard.step(() -> work.pass(user, jobId), flash, "Not passed");
        if (job != null) {
            flash.addFlashAttribute("done", "QA passed: routed to " + job.authorName() + " for signature.");
        }
        return back(jobId);
    }

    @PostMapping(PATH + "/return")
    String returnForCorrection(@PathVariable UUID jobId, @RequestParam(required = false) String comment,
                               @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        if (TranscriptionGuard.step(() -> work.returnForCorrection(user, jobId, comment), flash, "Not returned") != null) {
            flash.addFlashAttribute("done", "Returned to transcription with your comment.");
        }
        return back(jobId);
    }

    @PostMapping(PATH + "/sign")
    String sign(@PathVariable UUID jobId, @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        TranscriptionJob job = TranscriptionGuard.step(() -> signing.sign(user, jobId), flash, "Not signed");
        if (job != null) {
            flash.addFlashAttribute("done", job.status() == JobStatus.SIGNED ? "Signed: " + job.title() + " is final."
                    : "Signed: " + job.title() + " now waits for " + job.cosignerName() + "'s co-signature.");
        }
        return back(jobId);
    }

    @PostMapping(PATH + "/cosign")
    String cosign(@PathVariable UUID jobId, @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        TranscriptionJob job = TranscriptionGuard.step(() -> signing.cosign(user, jobId), flash, "Not co-signed");
        if (job != null) {
            flash.addFlashAttribute("done", "Co-signed: " + job.title() + " is final.");
        }
        return back(jobId);
    }

    @PostMapping(PATH + "/addendum")
    String addendum(@PathVariable UUID jobId, @RequestParam(required = false) String body,
                    @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        TranscriptionJob addendum = TranscriptionGuard.step(() -> signing.addAddendum(user, jobId, body), flash,
                "No addendum added");
        if (addendum == null) {
            return back(jobId);
        }
        flash.addFlashAttribute("done", "Addendum added; sign it to make it part of the record.");
        return back(addendum.id());
    }

    private static String back(UUID jobId) {
        return "redirect:" + PATH.replace("{jobId}", jobId.toString());
    }
}
