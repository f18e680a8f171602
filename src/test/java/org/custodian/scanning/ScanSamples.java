package org.custodian.scanning;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small real files of each kind a scanner sends, made on the spot (no binary fixtures in the repository). */
public final class ScanSamples {
    private ScanSamples() {
    }

    /** A letter-size PDF with a line of text on each page; {@code text} makes each sample's bytes unique. */
    public static byte[] pdf(int pages, String text) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    content.newLineAtOffset(72, 700);
                    content.showText(text + " - page " + i);
                    content.endText();
                }
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(int width, int height) {
        return image("png", List.of(drawing(width, height)));
    }

    public static byte[] jpeg(int width, int height) {
        return image("jpeg", List.of(drawing(width, height)));
    }

    public static byte[] tiff(int pages) {
        return image("tiff", java.util.stream.IntStream.range(0, pages).mapToObj(i -> drawing(300 + i, 400)).toList());
    }

    private static BufferedImage drawing(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawString("Scanned consent form", 10, 20);
        g.dispose();
        return image;
    }

    private static byte[] image(String format, List<BufferedImage> pages) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
            writer.setOutput(out);
            if (pages.size() == 1) {
                writer.write(pages.getFirst());
            } else {
                writer.prepareWriteSequence(null);
                for (BufferedImage page : pages) {
                    writer.writeToSequence(new IIOImage(page, null, null), null);
                }
                writer.endWriteSequence();
            }
            writer.dispose();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
