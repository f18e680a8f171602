package org.custodian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.mpi.Actor;
import org.custodian.mpi.MergeSource;
import org.custodian.mpi.PatientMerges;
import org.custodian.quality.QualityFixtures.Chart;
import org.custodian.quality.rules.CopyPasteRule;
import org.custodian.quality.rules.Findings;
import org.custodian.quality.rules.NotePrints;
import org.custodian.quality.rules.PatientFacts;
import org.custodian.quality.rules.RuleContext;
import org.custodian.record.CodedValue;
import org.custodian.record.Diagnosis;
import org.custodian.record.DocumentRepository;
import org.custodian.record.DocumentType;
import org.custodian.record.Facility;
import org.custodian.record.Practitioner;
import org.custodian.record.Provenance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The full scan's read of a range of patients and the incremental check's read of a few patients give
 * the same record, down to the newest version of each document, times to the microsecond, text with
 * tabs, newlines and backslashes, and the owner of another patient's encounter a fact is filed on.
 */
@IntegrationTest
class FactsRepositoryTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    FactsRepository facts;
    @Autowired
    DocumentRepository documents;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PatientMerges merges;

    private final Actor reviewer = new Actor("him.director", "HIM_DIRECTOR", "127.0.0.1");

    private static PatientFacts sameOrder(PatientFacts f) {
        return new PatientFacts(f.patient(), f.mrns(), f.encounters(), sorted(f.diagnoses()), sorted(f.procedures()),
                sorted(f.observations()), sorted(f.documents()), f.flaggedScans());
    }

    private static <T> List<T> sorted(List<T> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

    @Test
    void aRangesRecordIsTheRecordLoadedForAFewPatients() {
        QualityFixtures fixtures = new QualityFixtures(context);
        Facility hospital = fixtures.hospital("QFR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        Practitioner doctor = fixtures.physician("Fran", "Facts");
        Chart plain = fixtures.cleanInpatient(hospital, doctor, 12);
        Chart awkward = fixtures.cleanInpatient(hospital, doctor,
                QualityFixtures.NOW.minus(3, ChronoUnit.DAYS).plus(123_456, ChronoUnit.MICROS));
        awkward.documents.add(QualityFixtures.note(awkward, DocumentType.PROGRESS_NOTE, "Tabs\tand \\ slashes",
                awkward.encounter.admitAt().plus(5, ChronoUnit.HOURS), doctor, false,
                "Line one\n\tindented \\N not null, café \u2013 r\u00e9sum\u00e9\r\nend"));
        awkward.observations.add(QualityFixtures.lab(awkward, "2345-7", "Glucose", "101.50", "mg/dL",
                awkward.encounter.admitAt().plus(1, ChronoUnit.HOURS)));
        fixtures.write(awkward);
        var note = awkward.document(DocumentType.PROGRESS_NOTE);
        documents.sign(note.id(), 1, doctor.id(), awkward.encounter.admitAt().plus(6, ChronoUnit.HOURS),
                Provenance.now("test", "facts", "tester"));

        plain.diagnoses.add(new Diagnosis(UUID.randomUUID(), plain.patientId(), awkward.encounter.id(),
                new CodedValue(QualityFixtures.ICD10CM, "I21.4", "NSTEMI"), null, 2, false, null, null));
        fixtures.write(plain);

        Set<UUID> mine = Set.of(plain.patientId(), awkward.patientId());
        Map<UUID, PatientFacts> ranged = new HashMap<>();
        List<FactsRepository.PatientRange> ranges = facts.ranges(7);
        for (FactsRepository.PatientRange range : ranges) {
            facts.load(range).forEach((id, record) -> {
                if (mine.contains(id)) {
                    assertThat(ranged.put(id, record)).as("each patient in one range only").isNull();
                }
            });
        }
        Map<UUID, PatientFacts> loaded = facts.load(mine);

        assertThat(ranged).hasSize(2);
        for (UUID id : mine) {
            assertThat(sameOrder(ranged.get(id))).as("rows within a patient come in no particular order")
                    .isEqualTo(sameOrder(loaded.get(id)));
        }
        for (int i = 0; i < ranges.size(); i++) {
            // lower-case hex compares as PostgreSQL compares uuids: byte by byte
            assertThat(ranges.get(i).from().toString()).isLessThanOrEqualTo(ranges.get(i).to().toString());
            if (i > 0) {
                assertThat(ranges.get(i - 1).to().toString()).as("ranges in order, none overlapping")
                        .isLessThan(ranges.get(i).from().toString());
            }
        }
        assertThat(ranged.get(plain.patientId()).diagnoses()).filteredOn(d -> d.encounterId().equals(awkward.encounter.id()))
                .singleElement().satisfies(d -> assertThat(d.encounterOwner()).isEqualTo(awkward.patientId()));
        assertThat(ranged.get(plain.patientId()).diagnoses()).filteredOn(d -> d.encounterId().equals(plain.encounter.id()))
                .allSatisfy(d -> assertThat(d.encounterOwner()).isEqualTo(plain.patientId()));
        PatientFacts record = ranged.get(awkward.patientId());
        assertThat(record.encounters()).singleElement().satisfies(e -> assertThat(e.admitAt())
                .isEqualTo(awkward.encounter.admitAt()));
        assertThat(record.documents()).filteredOn(d -> d.type().equals("PROGRESS_NOTE")).singleElement().satisfies(d -> {
            assertThat(d.version()).as("the newest version").isEqualTo(2);
            assertThat(d.status()).isEqualTo("FINAL");
            assertThat(d.title()).isEqualTo("Tabs\tand \\ slashes");
            assertThat(d.prints()).isEqualTo(NotePrints.of("Line one\n\tindented \\N not null, café \u2013 r\u00e9sum\u00e9\r\nend"));
        });
        assertThat(record.observations()).extracting(o -> o.value().toPlainString()).contains("101.50");
    }

    /**
     * A version's copy-paste prints are computed from its body the first time it is read and stored; later
     * reads take them instead of the body (the shingles only of notes sharing a fingerprint), and the
     * copy-paste rule finds exactly the same on either.
     */
    @Test
    void aVersionsPrintsAreComputedOnceThenReadInsteadOfItsBodyWithTheSameFindings() {
        QualityFixtures fixtures = new QualityFixtures(context);
        Facility hospital = fixtures.hospital("QNP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        Practitioner doctor = fixtures.physician("Petra", "Prints");
        Chart chart = fixtures.cleanInpatient(hospital, doctor, 9);
        StringBuilder passage = new StringBuilder();
        java.util.Random random = new java.util.Random(17);
        for (int i = 0; i < 90; i++) {
            passage.append("w").append(random.nextInt(40)).append(i % 11 == 10 ? ". " : " ");
        }
        var day1 = chart.encounter.admitAt().plus(1, ChronoUnit.DAYS);
        String first = "Day one, Café review. " + passage + "Plan: continue.";
        String second = "Day two: new nausea. " + passage.substring(0, passage.length() * 3 / 4) + " antiemetic given.";
        chart.documents.add(QualityFixtures.note(chart, DocumentType.PROGRESS_NOTE, "Day one", day1, doctor, true, first));
        chart.documents.add(QualityFixtures.note(chart, DocumentType.PROGRESS_NOTE, "Day two", day1.plus(1, ChronoUnit.DAYS),
                doctor, true, second));
        fixtures.write(chart);
        UUID patient = chart.patientId();
        Integer notes = jdbc.queryForObject("SELECT count(*) FROM document WHERE patient_id = ?", Integer.class, patient);

        PatientFacts fromBodies = facts.load(Set.of(patient)).get(patient);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quality_note_prints WHERE patient_id = ?", Integer.class,
                patient)).as("the newest version of every document is fingerprinted once").isEqualTo(notes);
        PatientFacts fromPrints = facts.load(Set.of(patient)).get(patient);

        assertThat(sameOrder(fromPrints)).isEqualTo(sameOrder(fromBodies));
        assertThat(fromPrints.documents()).filteredOn(d -> d.title().equals("Day one")).singleElement()
                .satisfies(d -> assertThat(d.prints()).isEqualTo(NotePrints.of(first)));
        assertThat(fromPrints.documents()).as("shingles read only of notes sharing a fingerprint")
                .allSatisfy(d -> assertThat(d.prints().hasShingles()).isEqualTo(d.title().startsWith("Day ")));
        RuleContext rules = new RuleContext(QualityFixtures.NOW, QualityProperties.defaults(), null);
        List<Finding> found = copyPaste(fromBodies, rules);
        assertThat(found).singleElement().satisfies(f -> assertThat(f.message()).startsWith("A passage of "));
        assertThat(copyPaste(fromPrints, rules)).isEqualTo(found);
    }

    private static List<Finding> copyPaste(PatientFacts record, RuleContext rules) {
        CopyPasteRule rule = new CopyPasteRule();
        Findings out = new Findings(rule, record.patientId());
        rule.check(record, rules, out);
        return out.list();
    }

    @Test
    void aMergedPatientsMovedDocumentsKeepTheirNewestVersionsAndPrintsAndGiveThemBackOnUnmerge() {
        QualityFixtures fixtures = new QualityFixtures(context);
        Facility hospital = fixtures.hospital("QFM" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        Practitioner doctor = fixtures.physician("Mona", "Merge");
        Chart retired = fixtures.cleanInpatient(hospital, doctor, 10);
        Chart survivor = fixtures.cleanInpatient(hospital, doctor, 20);
        fixtures.write(retired);
        fixtures.write(survivor);
        Set<UUID> both = Set.of(retired.patientId(), survivor.patientId());
        Map<UUID, PatientFacts> before = facts.load(both);
        int retiredNotes = before.get(retired.patientId()).documents().size();
        int survivorNotes = before.get(survivor.patientId()).documents().size();
        assertThat(retiredNotes).isPositive();

        PatientMerges.Merge merge = merges.merge(survivor.patientId(), retired.patientId(), MergeSource.REVIEW, reviewer);
        PatientFacts merged = facts.load(Set.of(survivor.patientId())).get(survivor.patientId());

        assertThat(merged.documents()).as("every moved document with its newest version").hasSize(survivorNotes + retiredNotes)
                .allSatisfy(d -> assertThat(d.prints()).isNotNull());
        assertThat(facts.load(Set.of(survivor.patientId())).get(survivor.patientId())).isEqualTo(merged);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quality_note_prints WHERE patient_id = ?", Integer.class,
                survivor.patientId())).as("the moved notes' prints follow them").isEqualTo(survivorNotes + retiredNotes);
        PatientFacts ranged = null;
        for (FactsRepository.PatientRange range : facts.ranges(500)) {
            ranged = ranged != null ? ranged : facts.load(range).get(survivor.patientId());
        }
        assertThat(ranged).as("the full scan's read").isNotNull();
        assertThat(sameOrder(ranged)).isEqualTo(sameOrder(merged));
        assertThat(facts.load(both).get(retired.patientId()).documents()).as("the retired record's documents moved").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quality_note_prints WHERE patient_id = ?", Integer.class,
                survivor.patientId())).as("reading the retired record leaves the prints where the notes are")
                .isEqualTo(survivorNotes + retiredNotes);

        merges.unmerge(merge.id(), reviewer);
        Map<UUID, PatientFacts> after = facts.load(both);
        assertThat(after.get(retired.patientId()).documents()).hasSize(retiredNotes);
        assertThat(after.get(survivor.patientId()).documents()).hasSize(survivorNotes);
    }
}
