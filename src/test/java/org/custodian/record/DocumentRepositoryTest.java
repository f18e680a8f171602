package org.custodian.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class DocumentRepositoryTest {
    @Autowired
    DocumentRepository documents;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    ClinicalDocument note;
    final Provenance prov = Provenance.now("test", null, "dr.who");

    @BeforeEach
    void aSignedNote() {
        var fixtures = new RecordFixtures(facilities, writer, tx);
        Facility hospital = fixtures.facility("DOCS", FacilityType.HOSPITAL);
        Patient p = fixtures.patient("Ada", "Lovelace", LocalDate.of(1960, 1, 2), hospital, "D" + UUID.randomUUID());
        note = documents.forPatient(p.id()).getFirst();
    }

    @Test
    void editingASignedNoteAddsAnUnsignedVersionAndKeepsTheOriginal() {
        ClinicalDocument edited = documents.revise(note.id(), 1, "Corrected text.", "typo in dose", prov);
        assertThat(edited.versions()).hasSize(2);
        assertThat(edited.versions().get(0).body()).isEqualTo("Patient presents with chest pain.");
        assertThat(edited.current().status()).isEqualTo(DocumentStatus.DRAFT);
        ClinicalDocument signed = documents.sign(note.id(), 2, null, Instant.now(), prov);
        assertThat(signed.current().status()).isEqualTo(DocumentStatus.AMENDED);
        assertThat(signed.current().body()).isEqualTo("Corrected text.");
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefused() {
        documents.revise(note.id(), 1, "first edit", "reason", prov);
        assertThatThrownBy(() -> documents.revise(note.id(), 1, "second edit", "reason", prov))
                .isInstanceOf(DocumentChangeException.class).hasMessageContaining("now at version 2");
    }

    @Test
    void enteredInErrorHidesButKeepsEveryVersion() {
        ClinicalDocument retracted = documents.markEnteredInError(note.id(), 1, "wrong patient", prov);
        assertThat(retracted.isEnteredInError()).isTrue();
        assertThat(retracted.versions().getFirst().body()).isEqualTo("Patient presents with chest pain.");
        assertThatThrownBy(() -> documents.sign(note.id(), 2, null, Instant.now(), prov))
                .isInstanceOf(DocumentChangeException.class);
    }

    @Test
    void anAddendumIsItsOwnDocumentLinkedToTheOriginal() {
        ClinicalDocument addendum = documents.addAddendum(note.id(), "Troponin came back elevated.", null, prov);
        assertThat(addendum.addendumTo()).isEqualTo(note.id());
        assertThat(addendum.type()).isEqualTo(DocumentType.ADDENDUM);
        assertThat(documents.find(note.id()).orElseThrow().versions()).hasSize(1);
    }

    @Test
    void theDatabaseItselfRefusesToOverwriteAVersion() {
        assertThatThrownBy(() -> jdbc.update("UPDATE document_version SET body = 'x' WHERE document_id = ?", note.id()))
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void editsNeedAReason() {
        assertThatThrownBy(() -> documents.revise(note.id(), 1, "x", " ", prov))
                .isInstanceOf(DocumentChangeException.class).hasMessageContaining("reason");
    }
}
