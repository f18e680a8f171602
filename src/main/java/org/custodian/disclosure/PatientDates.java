package org.custodian.disclosure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** Generalises one patient's dates as the export's {@link DateMode} says: to the year, or shifted. */
final class PatientDates {
    private final DateMode mode;
    private final long shiftDays;

    PatientDates(DateMode mode, String shiftKey, UUID patientId) {
        this.mode = mode;
        this.shiftDays = mode == DateMode.SHIFT ? shiftFor(shiftKey, patientId) : 0;
    }

    /** Between 1 and 365 days back, the same for the same patient and key, unguessable without the key. */
    static long shiftFor(String key, UUID patientId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((key + "|" + patientId).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return 1 + Math.floorMod(value, 365);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String of(LocalDate date) {
        if (date == null) {
            return null;
        }
        return mode == DateMode.YEAR ? Integer.toString(date.getYear()) : date.minusDays(shiftDays).toString();
    }

    String of(Instant instant) {
        return instant == null ? null : of(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
