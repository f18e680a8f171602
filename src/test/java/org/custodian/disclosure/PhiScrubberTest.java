package org.custodian.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhiScrubberTest {
    private final PhiScrubber scrubber = new PhiScrubber();

    @Test
    void everyKindOfIdentifierBecomesItsTypedPlaceholder() {
        String note = """
                Seen 03/14/2024 by Dr. Eleanor Whitcombe. Patient Marcus Delacroix is a 94 year-old man.
                Lives at 42 Birchwood Avenue, Apt 3, Springfield, IL 62704. Phone (217) 555-0199, fax: 217-555-0142.
                E-mail marcus.d@mailbox.com, portal https://portal.example-health.org/p/123, login from 10.20.30.40.
                MRN: A1234567. SSN 123-45-6789. Account #77821934. Driver's license S530-4421-9987.
                Daughter Lucille Delacroix (daughter) visited on March 3rd, 2024.
                """;
        String out = scrubber.scrub(note).text();
        assertThat(out).doesNotContain("03/14/2024", "Eleanor", "Whitcombe", "Marcus", "Delacroix", "94 year",
                "Birchwood", "62704", "555-0199", "555-0142", "marcus.d@", "portal.example", "10.20.30.40",
                "A1234567", "123-45-6789", "77821934", "S530", "Lucille", "March 3rd");
        assertThat(out).contains("[DATE]", "[NAME]", "[AGE]", "[ADDRESS]", "[PHONE]", "[FAX]", "[EMAIL]", "[URL]",
                "[IP]", "[MRN]", "[SSN]", "[ACCOUNT]", "[LICENSE]");
        assertThat(out).contains("year-old man", "visited on");
    }

    @Test
    void clinicalWordsAndMeasurementsStay() {
        String note = "Blood pressure 120/80, creatinine 2.1 mg/dL, LOINC 2160-0. Seen in the Emergency Department"
                + " for Chief Complaint of chest pain. Age 45. Taking Tylenol 500 mg twice daily.";
        ScrubbedText out = scrubber.scrub(note);
        assertThat(out.text()).isEqualTo(note);
        assertThat(out.spans()).isEmpty();
    }

    @Test
    void knownValuesOfThePatientAreRemovedWhereverTheyAppear() {
        KnownIdentifiers known = new KnownIdentifiers(List.of("Quentin Zyborski"), List.of("123456789"), List.of());
        String out = scrubber.scrub("zyborski called; ssn 123 45 6789 on file", known, Replacement.PLACEHOLDER, "")
                .text();
        assertThat(out).doesNotContain("zyborski", "6789");
    }

    @Test
    void surrogatesAreConsistentWithinAKeyAndLookReal() {
        String note = "Dr. Ada Quisling saw the patient. Later Dr. Ada Quisling called 617-555-0111.";
        String out = scrubber.scrub(note, KnownIdentifiers.NONE, Replacement.SURROGATE, "k1").text();
        assertThat(out).doesNotContain("Quisling", "617-555-0111", "[");
        String[] halves = out.split("Later ");
        assertThat(halves[0].substring(4, halves[0].indexOf(" saw"))).isEqualTo(halves[1].substring(4, halves[1].indexOf(" called")));
    }
}
