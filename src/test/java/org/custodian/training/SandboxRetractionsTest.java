package org.custodian.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.coding.CodingFixtures;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Role;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Provenance;
import org.custodian.record.RecordRetractions;
import org.custodian.record.RecordVersions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Retracted facts are not part of the record, so the sandbox neither counts nor offers them. */
@IntegrationTest
class SandboxRetractionsTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    TrainingSandbox sandbox;
    @Autowired
    RecordRetractions retractions;
    @Autowired
    DocumentRepository documents;
    @Autowired
    TransactionTemplate tx;
    @TempDir
    Path codeSets;

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final Provenance by = Provenance.now("test", "sandbox retractions", "tester");

    @Test
    void anEncounterEnteredInErrorIsNoSandboxEncounterAndANoteEnteredInErrorIsNotCounted() {
        CodingFixtures fixtures = CodingFixtures.of(context);
        fixtures.loadCodeSets(codeSets);
        var facility = sandbox.ensureFacility();
        CodingFixtures.Stay kept = fixtures.stay(facility, "Kept", "Sandbox" + run, "SR-K-" + run);
        CodingFixtures.Stay retracted = fixtures.stay(facility, "Gone", "Sandbox" + run, "SR-G-" + run);
        CodingFixtures.Stay noteless = fixtures.stay(facility, "Noteless", "Sandbox" + run, "SR-N-" + run);
        CustodianUser trainer = fixtures.user("sr.trainer." + run, Role.TRAINER);

        tx.executeWithoutResult(s -> {
            retractions.retract(RecordVersions.Fact.ENCOUNTER, retracted.encounterId(), "wrong patient", by);
            documents.markEnteredInError(noteless.summaryId(), 1, "dictated on the wrong visit", by);
        });

        var listed = sandbox.encounters(trainer, 10_000);
        assertThat(listed).extracting(SandboxEncounter::encounterId)
                .contains(kept.encounterId(), noteless.encounterId()).doesNotContain(retracted.encounterId());
        assertThat(listed).filteredOn(e -> e.encounterId().equals(kept.encounterId()))
                .singleElement().extracting(SandboxEncounter::documents).isEqualTo(1);
        assertThat(listed).filteredOn(e -> e.encounterId().equals(noteless.encounterId()))
                .singleElement().extracting(SandboxEncounter::documents).as("its only note was entered in error")
                .isEqualTo(0);
        assertThat(sandbox.inSandbox(kept.encounterId())).isTrue();
        assertThat(sandbox.inSandbox(retracted.encounterId())).isFalse();
    }
}
