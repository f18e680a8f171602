package org.custodian.disclosure;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentVersion;
import org.custodian.record.Patient;

/**
 * Lays out a disclosure packet: a cover letter (recipient, patient, purpose, basis, what is enclosed,
 * the fee, the re-disclosure and, for Part 2 records, the 42 CFR 2.32 notice), then each document
 * with its addenda and any amendment materials linked to it. Record pages are billed; the cover is not.
 */
final class PacketBuilder {
    private static final String PART2_NOTICE = "42 CFR part 2 prohibits unauthorized use or disclosure of these"
            + " records. This information has been disclosed to you from records protected by federal confidentiality"
            + " rules (42 CFR part 2); further disclosure is prohibited unless permitted by that rule or the patient's"
            + " written consent.";

    record Contents(ReleaseRequest request, Patient patient, List<ClinicalDocument> documents,
                    List<ClinicalDocument> addenda, List<Amendment> amendments,
                    Set<SensitivityLabel> protectedIncluded) {
        boolean part2Included() {
            return protectedIncluded.contains(SensitivityLabel.SUBSTANCE_USE_PART2);
        }
    }

    private PacketBuilder() {
    }

    static Packet build(Contents c, FeeSchedule fees, Instant now) {
        int recordPages = body(new PdfBook("count"), c).build("", null).pages();
        BigDecimal fee = fees.fee(c.request().requesterType(), recordPages);
        LocalDate today = LocalDate.ofInstant(now, ZoneId.systemDefault());
        PdfBook book = new PdfBook("Release of information for " + c.request().requesterName());
        book.heading("Release of health information");
        book.field("Date", today.toString());
        book.field("To", c.request().requesterName() + " (" + c.request().requesterType().label() + ")");
        book.field("Address", c.request().requesterAddress());
        book.field("Patient", c.patient().family() + ", " + c.patient().given() + ", born " + c.patient().birthDate());
        book.field("Request received", c.request().receivedOn().toString());
        book.field("Information requested", c.request().informationRequested());
        book.field("Purpose", c.request().purpose().label());
        book.field("Released under", c.request().basis().label());
        if (c.request().dateFrom() != null || c.request().dateTo() != null) {
            book.field("Dates of service", (c.request().dateFrom() == null ? "…" : c.request().dateFrom()) + " to "
                    + (c.request().dateTo() == null ? "…" : c.request().dateTo()));
        }
        book.subheading("Enclosed (" + recordPages + " record pages)");
        for (ClinicalDocument d : c.documents()) {
            DocumentVersion v = d.current();
            book.paragraph("- " + v.title() + " (" + d.type().label() + ", " + date(d.createdAt()) + ", version "
                    + v.version() + ")");
        }
        if (!c.amendments().isEmpty()) {
            book.paragraph("Amendment requests, denials, statements of disagreement and rebuttals linked to these"
                    + " documents are enclosed with them (45 CFR 164.526).");
        }
        book.subheading("Fee");
        book.paragraph("$" + fee + " (" + fees.explain(c.request().requesterType(), recordPages) + ")");
        book.subheading("Notice to the recipient");
        book.paragraph("This information is confidential. It is released for the purpose stated above only."
                + (c.request().basis() == LegalBasis.AUTHORIZATION
                ? " Information disclosed under an authorization may be subject to re-disclosure by the recipient"
                + " and no longer protected by federal privacy rules." : ""));
        if (c.request().basis() == LegalBasis.RIGHT_OF_ACCESS) {
            if (!c.protectedIncluded().isEmpty()) {
                book.paragraph("This copy is for the patient and includes their own specially protected records ("
                        + c.protectedIncluded().stream().sorted().map(SensitivityLabel::label)
                        .collect(Collectors.joining(", ")) + "), which need the patient's specific authorization or"
                        + " consent before they are disclosed to anyone else.");
            }
        } else if (c.part2Included()) {
            book.paragraph(PART2_NOTICE);
        }
        Set<SensitivityLabel> otherProtected = EnumSet.noneOf(SensitivityLabel.class);
        otherProtected.addAll(c.protectedIncluded());
        otherProtected.remove(SensitivityLabel.SUBSTANCE_USE_PART2);
        if (!otherProtected.isEmpty() && c.request().basis() != LegalBasis.RIGHT_OF_ACCESS) {
            book.paragraph("Enclosed records include specially protected information ("
                    + otherProtected.stream().sorted().map(SensitivityLabel::label).collect(Collectors.joining(", "))
                    + ") released under the patient's authorization that names it specifically. State law may"
                    + " prohibit further disclosure without the patient's specific written authorization.");
        }
        book.paragraph("Health Information Management - Release of Information\nRequest " + c.request().id());
        book.pageBreak();
        body(book, c);
        String watermark = "Released to " + c.request().requesterName() + " " + today;
        PdfBook.Built built = book.build("Confidential: released to " + c.request().requesterName() + " on " + today
                + " - request " + c.request().id().toString().substring(0, 8), watermark);
        return new Packet(UUID.randomUUID(), built.bytes(), built.pages(), fee, sha256(built.bytes()), now);
    }

    private static PdfBook body(PdfBook book, Contents c) {
        for (ClinicalDocument d : c.documents()) {
            DocumentVersion v = d.current();
            book.heading(v.title());
            book.field("Patient", c.patient().family() + ", " + c.patient().given());
            book.field("Type", d.type().label());
            book.field("Status", v.status() + ", version " + v.version());
            book.field("Signed", v.signedAt() == null ? null : date(v.signedAt()));
            book.paragraph("");
            book.paragraph(v.body());
            for (ClinicalDocument addendum : c.addenda()) {
                if (d.id().equals(addendum.addendumTo())) {
                    book.subheading(addendum.current().title());
                    book.paragraph(addendum.current().body());
                }
            }
            for (Amendment a : c.amendments()) {
                if (a.documentId().equals(d.id())) {
                    book.subheading("Amendment request linked to this document");
                    book.paragraph(a.linkedText());
                }
            }
            book.pageBreak();
        }
        return book;
    }

    static String date(Instant instant) {
        return instant == null ? "–" : LocalDate.ofInstant(instant, ZoneId.systemDefault()).toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
