package org.custodian.disclosure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * A simple flowing text document on US Letter pages (PDFBox): headings, wrapped paragraphs and page
 * breaks; when built, every page gets a footer with "Page i of n" and, if given, a diagonal
 * watermark (e.g. naming the recipient) so a copy shows whom it was released to.
 */
final class PdfBook {
    private static final float MARGIN = 60;
    private static final float BODY_SIZE = 10.5f;
    private static final float LEADING = 14;

    private final PDDocument pdf = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Character, Boolean> printable = new HashMap<>();
    private final String title;
    private PDPageContentStream content;
    private float y;

    PdfBook(String title) {
        this.title = title;
        pdf.getDocumentInformation().setTitle(title);
        pdf.getDocumentInformation().setCreator("Custodian");
    }

    PdfBook heading(String text) {
        space(8);
        write(bold, 14, text, 18);
        space(4);
        return this;
    }

    PdfBook subheading(String text) {
        space(6);
        write(bold, 11.5f, text, 15);
        return this;
    }

    PdfBook paragraph(String text) {
        for (String line : (text == null ? "" : text).split("\\R", -1)) {
            write(regular, BODY_SIZE, line, LEADING);
        }
        space(4);
        return this;
    }

    PdfBook field(String label, String value) {
        write(regular, BODY_SIZE, label + ": " + (value == null || value.isBlank() ? "–" : value), LEADING);
        return this;
    }

    PdfBook pageBreak() {
        closeContent();
        return this;
    }

    /** Writes the footer and watermark on every page and returns the file. */
    Built build(String footer, String watermark) {
        closeContent();
        if (pdf.getNumberOfPages() == 0) {
            newPage();
            closeContent();
        }
        int pages = pdf.getNumberOfPages();
        try {
            for (int i = 0; i < pages; i++) {
                PDPage page = pdf.getPage(i);
                try (PDPageContentStream stamp = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND,
                        true, true)) {
                    if (watermark != null) {
                        PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
                        faint.setNonStrokingAlphaConstant(0.12f);
                        stamp.saveGraphicsState();
                        stamp.setGraphicsStateParameters(faint);
                        stamp.beginText();
                        stamp.setFont(bold, 30);
                        stamp.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(45), 110, 160));
                        stamp.showText(printable(watermark));
                        stamp.endText();
                        stamp.restoreGraphicsState();
                    }
                    stamp.beginText();
                    stamp.setFont(regular, 8.5f);
                    stamp.newLineAtOffset(MARGIN, 30);
                    stamp.showText(printable(footer));
                    stamp.endText();
                    String number = "Page " + (i + 1) + " of " + pages;
                    stamp.beginText();
                    stamp.setFont(regular, 8.5f);
                    stamp.newLineAtOffset(PDRectangle.LETTER.getWidth() - MARGIN - width(regular, 8.5f, number), 30);
                    stamp.showText(number);
                    stamp.endText();
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            pdf.close();
            return new Built(bytes.toByteArray(), pages);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF " + title, e);
        }
    }

    record Built(byte[] bytes, int pages) {
    }

    private void write(PDType1Font font, float size, String text, float leading) {
        float maxWidth = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
        for (String line : wrap(font, size, printable(text), maxWidth)) {
            if (content == null || y - leading < MARGIN + 20) {
                newPage();
            }
            try {
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y - leading);
                content.showText(line);
                content.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            y -= leading;
        }
    }

    private List<String> wrap(PDType1Font font, float size, String text, float maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(font, size, rest) > maxWidth) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxWidth) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    private float width(PDType1Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standard fonts cover WinAnsi only; anything else prints as '?', tabs as spaces. */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.replace('\t', ' ').toCharArray()) {
            boolean ok = printable.computeIfAbsent(c, ch -> {
                try {
                    regular.encode(String.valueOf(ch));
                    return !Character.isISOControl(ch);
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            out.append(ok ? c : '?');
        }
        return out.toString();
    }

    private void space(float points) {
        if (content != null) {
            y -= points;
        }
    }

    private void newPage() {
        closeContent();
        PDPage page = new PDPage(PDRectangle.LETTER);
        pdf.addPage(page);
        try {
            content = new PDPageContentStream(pdf, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = PDRectangle.LETTER.getHeight() - MARGIN;
    }

    private void closeContent() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = null;
        }
    }
}
