package org.custodian.scanning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Scanning limits ({@code custodian.scanning.*}).
 *
 * @param maxFileSize  the largest file accepted (the web upload limit follows it)
 * @param maxPixels    the largest image, in pixels, decoded for checking and previews (guards memory)
 * @param previewWidth the width in pixels of the page-1 preview
 */
@ConfigurationProperties("custodian.scanning")
public record ScanningProperties(
        @DefaultValue("50MB") DataSize maxFileSize,
        @DefaultValue("200000000") long maxPixels,
        @DefaultValue("800") int previewWidth) {

    public ScanningProperties {
        if (maxFileSize.toBytes() < 1 || maxPixels < 1 || previewWidth < 50 || previewWidth > 4000) {
            throw new IllegalArgumentException("custodian.scanning: max-file-size and max-pixels must be positive"
                    + " and preview-width between 50 and 4000");
        }
    }
}
