package org.custodian.scanning;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * Opens a received file with the library that must read it later (PDFBox, ImageIO) to count its
 * pages and render page 1. A file either opens or is refused with a reason a person can act on.
 */
@Component
class ScanInspector {
    private static final float MAX_PREVIEW_DPI = 150f;

    private final ScanningProperties properties;

    ScanInspector(ScanningProperties properties) {
        this.properties = properties;
    }

    sealed interface Inspection {
        record Readable(int pages) implements Inspection {
        }

        record Unreadable(String reason) implements Inspection {
        }
    }

    Inspection inspect(Path file, ScanMediaType type) {
        return type == ScanMediaType.PDF ? inspectPdf(file) : inspectImage(file, type);
    }

    /** Page 1, scaled to {@code width} pixels wide (never up beyond a sensible resolution). */
    BufferedImage firstPage(Path file, ScanMediaType type, int width) {
        try {
            if (type == ScanMediaType.PDF) {
                try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                    PDRectangle box = pdf.getPage(0).getCropBox();
                    float dpi = Math.min(MAX_PREVIEW_DPI, width * 72f / Math.max(1f, box.getWidth()));
                    return new PDFRenderer(pdf).renderImageWithDPI(0, Math.max(10f, dpi));
                }
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                ImageReader reader = readerFor(in);
                try {
                    BufferedImage image = reader.read(0, subsampled(reader, width));
                    return scaled(image, width);
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render page 1 of " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static Inspection inspectPdf(Path file) {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            int pages = pdf.getNumberOfPages();
            return pages > 0 ? new Inspection.Readable(pages)
                    : new Inspection.Unreadable("the PDF has no pages");
        } catch (InvalidPasswordException e) {
            return new Inspection.Unreadable("the PDF is password-protected; scan it again without a password");
        } catch (IOException | RuntimeException e) {
            return new Inspection.Unreadable("the file starts like a PDF but PDFBox cannot open it (" + brief(e) + ")");
        }
    }

    private Inspection inspectImage(Path file, ScanMediaType type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(in);
            try {
                int pages = type == ScanMediaType.TIFF ? reader.getNumImages(true) : 1;
                if (pages < 1) {
                    return new Inspection.Unreadable("the " + type.label() + " has no pages");
                }
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > properties.maxPixels()) {
                    return new Inspection.Unreadable("the " + type.label() + " is " + reader.getWidth(0) + " × "
                            + reader.getHeight(0) + " pixels, more than the " + properties.maxPixels() + " allowed");
                }
                // decoding the whole first page (subsampled) proves the pixels are there, not just a header
                reader.read(0, subsampled(reader, properties.previewWidth()));
                return new Inspection.Readable(pages);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new Inspection.Unreadable("the file starts like a " + type.label() + " but ImageIO cannot read it ("
                    + brief(e) + ")");
        }
    }

    private static ImageReader readerFor(ImageInputStream in) throws IOException {
        if (in == null) {
            throw new IOException("no image stream");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new IOException("no image reader recognises it");
        }
        ImageReader reader = readers.next();
        reader.setInput(in, false, true);
        return reader;
    }

    private static ImageReadParam subsampled(ImageReader reader, int width) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, reader.getWidth(0) / Math.max(1, width));
        param.setSourceSubsampling(step, step, 0, 0);
        return param;
    }

    private static BufferedImage scaled(BufferedImage image, int width) {
        if (image.getWidth() <= width) {
            return image;
        }
        int height = Math.max(1, (int) ((long) image.getHeight() * width / image.getWidth()));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static String brief(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }
}
