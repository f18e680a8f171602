package org.custodian.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.custodian.record.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading Synthea's Patient resources from its FHIR output: bundles and NDJSON, streamed. */
class SyntheaPeopleTest {
    @TempDir
    Path dir;

    /** A Synthea-shaped married woman: official and maiden names with Synthea's digits, MRN, SSN, home phone. */
    private static final String PATIENT = """
            {"resourceType": "Patient", "id": "res-1",
             "identifier": [
               {"system": "https://github.com/synthetichealth/synthea", "value": "res-1"},
               {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
                "system": "http://hospital.smarthealthit.org", "value": "mrn-1"},
               {"type": {"coding": [{"code": "SS"}]}, "system": "http://hl7.org/fhir/sid/us-ssn", "value": "999-62-9207"}],
             "name": [{"use": "official", "family": "Upton91", "given": ["Adelle12", "Heather"], "prefix": ["Mrs."]},
                      {"use": "maiden", "family": "Stokes91", "given": ["Adelle12"]}],
             "telecom": [{"system": "email", "value": "a@example.org"},
                         {"system": "phone", "value": "555-361-7463", "use": "home"}],
             "gender": "female", "birthDate": "1980-06-12",
             "address": [{"line": ["753 White Annex"], "city": "Fitchburg", "state": "MA", "postalCode": "01420"}]}
            """;

    @Test
    void readsThePatientOfEachBundleWithItsMaidenNameAndWithoutSyntheaDigits() throws IOException {
        Files.createDirectories(dir.resolve("fhir"));
        Files.writeString(dir.resolve("fhir/Adelle_Upton.json"), """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"fullUrl": "urn:uuid:e1", "resource": {"resourceType": "Encounter", "id": "e1",
                     "contained": [{"resourceType": "Patient", "id": "not-this-one"}], "class": {"code": "AMB"}},
                   "request": {"method": "POST", "url": "Encounter"}},
                  {"fullUrl": "urn:uuid:res-1", "resource": %s, "request": {"method": "POST", "url": "Patient"}},
                  {"fullUrl": "urn:uuid:o1", "resource": {"resourceType": "Observation", "valueQuantity": {"value": 1}}}
                ]}
                """.formatted(PATIENT));
        Files.writeString(dir.resolve("fhir/hospitalInformation1.json"), """
                {"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Organization", "id": "h"}}]}
                """);

        SyntheaPeople people = SyntheaPeople.read(dir, warning -> { });

        assertThat(people.patients()).singleElement().satisfies(p -> {
            assertThat(p.maidenName()).isEqualTo("Stokes");
            assertThat(p.demographics()).isEqualTo(new Demographics("mrn-1", "Adelle", "Upton", LocalDate.of(1980, 6, 12),
                    Sex.FEMALE, "753 White Annex", "Fitchburg", "MA", "01420", "555-361-7463", "999-62-9207"));
        });
    }

    @Test
    void readsPatientNdjsonAndSaysWhereAValueWasReadAsMissing() throws IOException {
        Files.writeString(dir.resolve("Patient.ndjson"), PATIENT.replace("\n", " ") + "\n"
                + "{\"resourceType\": \"Patient\", \"id\": \"res-2\", \"gender\": \"male\", \"birthDate\": \"1970\","
                + " \"name\": [{\"family\": \"Ito\", \"given\": [\"Ken\"]}]}\n");
        Files.writeString(dir.resolve("Observation.ndjson"), "{\"resourceType\": \"Observation\"}\n");
        List<String> warnings = new ArrayList<>();

        SyntheaPeople people = SyntheaPeople.read(dir, warnings::add);

        assertThat(people.patients()).extracting(p -> p.demographics().id()).containsExactly("mrn-1", "res-2");
        Demographics ken = people.patients().get(1).demographics();
        assertThat(ken.given()).isEqualTo("Ken");
        assertThat(ken.birthDate()).isNull();
        assertThat(people.patients().get(1).maidenName()).isNull();
        assertThat(warnings).singleElement().asString()
                .contains("Patient.ndjson line 2", "Patient.birthDate '1970' is not a full date");
    }

    @Test
    void aFolderWithoutPatientsIsRejectedNamingIt() throws IOException {
        Files.writeString(dir.resolve("practitionerInformation1.json"), "{\"resourceType\": \"Bundle\", \"entry\": []}");

        assertThatThrownBy(() -> SyntheaPeople.read(dir, warning -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no Patient resources in " + dir);
    }

    @Test
    void brokenJsonIsReportedWithItsFileAndPlace() throws IOException {
        Files.writeString(dir.resolve("broken.json"), "{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": {\"id\": }]}");

        assertThatThrownBy(() -> SyntheaPeople.read(dir, warning -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("broken.json").hasMessageContaining("line 1");
    }

    @Test
    void aRecombinedHomeIsOnAPatientsStreetWithAHouseNumberOfItsOwn() {
        SplittableRandom random = new SplittableRandom(7);
        Set<String> homes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String home = SyntheaPeople.newHouse("866 Kassulke Mall Unit 39", random);
            assertThat(home).matches("[1-9][0-9]{0,3} Kassulke Mall Unit 39");
            homes.add(home);
        }
        assertThat(homes).hasSizeGreaterThan(190);
        assertThat(SyntheaPeople.newHouse("Rural Route", random)).endsWith(" Rural Route");
        assertThat(SyntheaPeople.newHouse("12", random)).isEqualTo("12");
        assertThat(SyntheaPeople.newHouse(null, random)).isNull();
    }
}
