package org.custodian.retention;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The certificate of destruction (PDF): which records were destroyed (type, record id, MRN,
 * facility, service dates, retention date), when, how, who proposed and who authorised it, and the
 * records withheld because of a legal hold. Identifiers and dates only, never clinical content.
 */
final class DestructionCertificate {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final float MARGIN = 50;
    private static final float LEADING = 13;
    private static final int LINE_CHARS = 105;

    private DestructionCertificate() {
    }

    static byte[] render(DestructionBatch batch) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(true, "Certificate of destruction of health records"));
        lines.add(new Line(false, ""));
        lines.add(new Line(false, "Batch: " + batch.id()));
        lines.add(new Line(false, "Record type: " + batch.type().label()));
        lines.add(new Line(false, "Facility: " + (batch.facilityName() == null ? "-" : batch.facilityName())));
        lines.add(new Line(false, "Method: " + batch.method()));
        lines.add(new Line(false, "Proposed by: " + batch.proposedBy() + " on " + WHEN.format(batch.proposedAt())));
        lines.add(new Line(false, "Authorised by: " + batch.decidedBy() + " on " + WHEN.format(batch.decidedAt())));
        lines.add(new Line(false, "Destroyed: " + WHEN.format(batch.decidedAt()) + "; " + batch.destroyedCount()
                + " records destroyed, " + batch.withheldCount() + " withheld"));
        lines.add(new Line(false, "Records were destroyed in the ordinary course under the retention schedule; none"
                + " was subject to a legal hold, investigation or pending request when destroyed."));
        lines.add(new Line(false, ""));
        lines.add(new Line(true, "Records destroyed"));
        lines.add(new Line(false, "Record id | MRN | Facility | Service from | Last activity | Retained until | Rows removed"));
        for (DestructionItem i : batch.items()) {
            if (i.status() == DestructionItem.Status.DESTROYED) {
                lines.add(new Line(false, i.recordId() + " | " + nz(i.mrn()) + " | " + nz(i.facilityCode()) + " | "
                        + i.serviceFrom() + " | " + i.lastActivity() + " | " + i.retainUntil() + " | "
                        + nz(i.rowsDestroyed())));
            }
        }
        if (!batch.patientsDestroyed().isEmpty()) {
            lines.add(new Line(false, ""));
            lines.add(new Line(true, "Patient demographics destroyed (nothing else of the patient remained)"));
            lines.add(new Line(false, "Patient id | Rows removed"));
            for (DestroyedPatient p : batch.patientsDestroyed()) {
                lines.add(new Line(false, p.patientId() + " | " + p.rowsDestroyed()));
            }
        }
        if (batch.withheldCount() > 0) {
            lines.add(new Line(false, ""));
            lines.add(new Line(true, "Records withheld (not destroyed)"));
            for (DestructionItem i : batch.items()) {
                if (i.status() == DestructionItem.Status.WITHHELD) {
                    lines.add(new Line(false, i.recordId() + " | " + nz(i.mrn()) + " | " + i.withheldBecause()));
                }
            }
        }
        lines.add(new Line(false, ""));
        lines.add(new Line(false, "Retention rule applied: " + batch.items().stream().map(DestructionItem::rule)
                .distinct().reduce((a, b) -> a + "; " + b).orElse("-")));
        return pdf(lines);
    }

    private record Line(boolean heading, String text) {
    }

    private static byte[] pdf(List<Line> lines) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.getDocumentInformation().setTitle("Certificate of destruction");
            pdf.getDocumentInformation().setCreator("Custodian");
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDPageContentStream content = null;
            float y = 0;
            for (Line line : lines) {
                for (String part : wrap(line.text())) {
                    if (content == null || y < MARGIN) {
                        if (content != null) {
                            content.close();
                        }
                        PDPage page = new PDPage(PDRectangle.LETTER);
                        pdf.addPage(page);
                        content = new PDPageContentStream(pdf, page);
                        y = page.getMediaBox().getHeight() - MARGIN;
                    }
                    content.beginText();
                    content.setFont(line.heading() ? bold : regular, line.heading() ? 13 : 8.5f);
                    content.newLineAtOffset(MARGIN, y);
                    content.showText(printable(part));
                    content.endText();
                    y -= line.heading() ? LEADING + 4 : LEADING;
                }
            }
            if (content != null) {
                content.close();
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the destruction certificate: " + e.getMessage(), e);
        }
    }

    private static List<String> wrap(String text) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > LINE_CHARS) {
            int cut = rest.lastIndexOf(' ', LINE_CHARS);
            cut = cut <= 0 ? LINE_CHARS : cut;
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        parts.add(rest);
        return parts;
    }

    /** Helvetica (WinAnsi) has no glyph for some characters; they print as '?'. */
    private static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.append(c >= 32 && c < 127 ? (char) c : '?'));
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
