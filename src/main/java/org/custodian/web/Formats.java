package org.custodian.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.custodian.record.Observation;
import org.custodian.record.Observation.AbnormalFlag;
import org.custodian.record.Patient;
import org.springframework.stereotype.Component;

/**
 * How pages write dates, times and codes ({@code ${@fmt.date(...)}} in templates): month/day/year as
 * US health records do, times in this server's time zone, an empty cell as an en dash.
 */
@Component("fmt")
class Formats {
    static final String NONE = "–";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.US);

    private static final Map<String, String> CODE_SYSTEMS = Map.of(
            "http://hl7.org/fhir/sid/icd-10-cm", "ICD-10-CM",
            "http://hl7.org/fhir/sid/icd-10", "ICD-10",
            "http://www.cms.gov/Medicare/Coding/ICD10", "ICD-10-PCS",
            "http://snomed.info/sct", "SNOMED CT",
            "http://loinc.org", "LOINC",
            "http://www.ama-assn.org/go/cpt", "CPT",
            "urn:oid:2.16.840.1.113883.6.285", "HCPCS",
            "http://www.nlm.nih.gov/research/umls/rxnorm", "RxNorm");

    private final ZoneId zone = ZoneId.systemDefault();

    public String date(LocalDate date) {
        return date == null ? NONE : usDate(date, new StringBuilder(10)).toString();
    }

    public String date(Instant instant) {
        return instant == null ? NONE : date(LocalDate.ofInstant(instant, zone));
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return NONE;
        }
        LocalDateTime at = LocalDateTime.ofInstant(instant, zone);
        StringBuilder text = usDate(at.toLocalDate(), new StringBuilder(16)).append(' ');
        return twoDigits(twoDigits(text, at.getHour()).append(':'), at.getMinute()).toString();
    }

    /**
     * MM/dd/yyyy written digit by digit: a chart writes hundreds of dates and times, and the general
     * formatter was a twentieth of its CPU time. Years outside 1–9999 go to the formatter.
     */
    private static StringBuilder usDate(LocalDate date, StringBuilder text) {
        int year = date.getYear();
        if (year < 1 || year > 9999) {
            return text.append(DATE.format(date));
        }
        twoDigits(twoDigits(text, date.getMonthValue()).append('/'), date.getDayOfMonth()).append('/');
        return twoDigits(twoDigits(text, year / 100), year % 100);
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    public String dateTimeSeconds(Instant instant) {
        return instant == null ? NONE : SECONDS.format(instant.atZone(zone));
    }

    public String now() {
        return dateTime(Instant.now());
    }

    /** ISO form for {@code <time datetime>} attributes. */
    public String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    public String age(LocalDate birthDate) {
        if (birthDate == null) {
            return NONE;
        }
        int years = Period.between(birthDate, LocalDate.now(zone)).getYears();
        return years + (years == 1 ? " year" : " years");
    }

    /** "FEMALE" reads "Female"; labelled enums use their own label(). */
    public String word(Enum<?> value) {
        if (value == null) {
            return NONE;
        }
        String name = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** HL7 table 0078 in words, for the title of the flag cell and for screen readers. */
    public String flag(AbnormalFlag flag) {
        if (flag == null) {
            return "";
        }
        return switch (flag) {
            case H -> "High";
            case L -> "Low";
            case HH -> "Critically high";
            case LL -> "Critically low";
            case A -> "Abnormal";
            case N -> "Normal";
        };
    }

    /** "Springfield, MA 01103", or empty when no city is on file. */
    public String place(Patient.Address address) {
        if (address == null || address.city() == null) {
            return "";
        }
        String region = Stream.of(address.state(), address.postalCode()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
        return region.isEmpty() ? address.city() : address.city() + ", " + region;
    }

    public String result(Observation o) {
        return o.valueNumeric() != null ? o.valueNumeric().toPlainString() : orNone(o.valueText());
    }

    /** "3.5–5.1", "&lt; 200" or "&gt; 40" as lab reports print reference ranges. */
    public String range(Observation o) {
        if (o.referenceLow() == null && o.referenceHigh() == null) {
            return NONE;
        }
        if (o.referenceLow() == null) {
            return "< " + o.referenceHigh().toPlainString();
        }
        if (o.referenceHigh() == null) {
            return "> " + o.referenceLow().toPlainString();
        }
        return o.referenceLow().toPlainString() + "–" + o.referenceHigh().toPlainString();
    }

    /** The short name HIM staff know a code system by, for the system URIs FHIR and HL7 feeds send. */
    public String system(String uri) {
        if (uri == null) {
            return "";
        }
        return CODE_SYSTEMS.getOrDefault(uri, uri);
    }

    public String orNone(Object value) {
        return value == null || value.toString().isBlank() ? NONE : value.toString();
    }
}
