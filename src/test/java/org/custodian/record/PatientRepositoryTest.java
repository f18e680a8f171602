package org.custodian.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.custodian.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class PatientRepositoryTest {
    @Autowired
    PatientRepository patients;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    Facility hospital;
    Facility home;
    Patient jonathan;

    @BeforeEach
    void patients() {
        var fixtures = new RecordFixtures(facilities, writer, tx);
        hospital = fixtures.facility("SRCH-H", FacilityType.HOSPITAL);
        home = fixtures.facility("SRCH-N", FacilityType.NURSING_HOME);
        if (jonathan == null && patients.findByMrn(hospital.id(), "S100").isEmpty()) {
            fixtures.patient("Jonathan", "Smith", LocalDate.of(1970, 5, 17), hospital, "S100");
            fixtures.patient("María", "Núñez", LocalDate.of(1982, 11, 3), hospital, "S101");
            fixtures.patient("Jane", "Smythe", LocalDate.of(1990, 1, 1), home, "N200");
        }
        jonathan = patients.find(patients.findByMrn(hospital.id(), "S100").orElseThrow()).orElseThrow();
    }

    @Test
    void findsNamesDespiteTyposAndTransposedLetters() {
        assertThat(names(new PatientQuery("jonathon smiht", null, null), hospital)).first().isEqualTo("Jonathan Smith");
    }

    @Test
    void findsNamesWithoutAccentsAndByFamilyNameAlone() {
        assertThat(names(new PatientQuery("maria nunez", null, null), hospital)).contains("María Núñez");
        assertThat(names(new PatientQuery("Nunez", null, null), hospital)).contains("María Núñez");
    }

    @Test
    void findsSoundAlikeFamilyNames() {
        assertThat(names(new PatientQuery("Smyth", null, null), hospital, home))
                .contains("Jonathan Smith", "Jane Smythe");
    }

    @Test
    void searchesOnlyWithinTheGivenFacilities() {
        assertThat(names(new PatientQuery("Smythe", null, null), hospital)).doesNotContain("Jane Smythe");
        assertThat(names(new PatientQuery("Smythe", null, null), home)).contains("Jane Smythe");
    }

    @Test
    void findsByBirthDateAndByMrnCaseInsensitively() {
        assertThat(names(new PatientQuery(null, LocalDate.of(1970, 5, 17), null), hospital))
                .containsExactly("Jonathan Smith");
        assertThat(names(new PatientQuery(null, null, "s100"), hospital)).containsExactly("Jonathan Smith");
    }

    @Test
    void injectionInSearchTextIsJustText() {
        assertThat(names(new PatientQuery("' OR 1=1 --", null, null), hospital)).isEmpty();
        assertThat(names(new PatientQuery("zz%_%", null, null), hospital)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM patient", Integer.class)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void rejectsEmptyAndOversizedQueries() {
        assertThatThrownBy(() -> new PatientQuery(" ", null, "")).hasMessageContaining("enter a name");
        assertThatThrownBy(() -> new PatientQuery("x".repeat(101), null, null)).hasMessageContaining("longer than 100");
    }

    @Test
    void theSsnIsStoredEncryptedAndReadBackThroughTheCipher() {
        byte[] stored = jdbc.queryForObject("SELECT ssn_encrypted FROM patient WHERE id = ?", byte[].class, jonathan.id());
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("6789");
        assertThat(patients.socialSecurityNumber(jonathan.id())).contains("123-45-6789");
        assertThat(patients.facilitiesOf(jonathan.id())).isEqualTo(Set.of(hospital.id()));
    }

    private List<String> names(PatientQuery q, Facility... scope) {
        return patients.search(q, java.util.Arrays.stream(scope).map(Facility::id).toList()).stream()
                .map(PatientSummary::fullName).toList();
    }
}
