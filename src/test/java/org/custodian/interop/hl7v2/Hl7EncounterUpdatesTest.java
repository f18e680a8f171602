package org.custodian.interop.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.interop.hl7v2.Hl7Samples.message;
import static org.custodian.interop.hl7v2.Hl7Samples.msh;
import static org.custodian.interop.hl7v2.Hl7Samples.pid;
import static org.custodian.interop.hl7v2.Hl7Samples.pv1;

import ca.uhn.hl7v2.util.Terser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.FacilityRepository;
import org.custodian.record.PractitionerRepository;
import org.custodian.record.RecordVersions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * ADT updates and re-sends change the encounter itself (class, times, location, attending,
 * disposition) as new versions that keep the old ones; A02, A11 and A13 follow their definitions.
 */
@IntegrationTest
@TestPropertySource(properties = "custodian.hl7.mllp-port=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Hl7EncounterUpdatesTest {
    @Autowired
    MllpListener listener;
    @Autowired
    FacilityRepository facilities;
    @Autowired
    PractitionerRepository practitioners;
    @Autowired
    RecordVersions versions;
    @Autowired
    JdbcClient jdbc;

    HapiMllpClient mllp;

    @BeforeAll
    void connect() throws Exception {
        HapiMllpClient.ensureSendingHospital(facilities);
        mllp = HapiMllpClient.connect(listener.port());
    }

    @AfterAll
    void close() throws Exception {
        mllp.close();
    }

    Terser send(String text) throws Exception {
        return mllp.send(text);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String adt(String event, String control, String mrn, String pv1) {
        String structure = switch (event) {
            case "A02" -> "ADT_A02";
            case "A03" -> "ADT_A03";
            case "A11" -> "ADT_A09";
            default -> "ADT_A01";
        };
        return message(msh("ADT^" + event + "^" + structure, control), "EVN|" + event + "|20260303120000",
                pid(mrn, "19800215"), pv1);
    }

    Encounter encounter(String visit) {
        UUID facility = facilities.byCode("RGH").orElseThrow().id();
        return jdbc.sql("SELECT id FROM encounter WHERE facility_id = :f AND visit_number = :v")
                .param("f", facility).param("v", visit).query(UUID.class).optional()
                .map(id -> versions.<Encounter>factHistory(RecordVersions.Fact.ENCOUNTER, id).getLast().value())
                .orElseThrow();
    }

    String location(String visit) {
        return jdbc.sql("SELECT location FROM encounter WHERE visit_number = :v").param("v", visit).query(String.class).single();
    }

    String ackedMessage(String control) {
        return "hl7_message/" + jdbc.sql("SELECT id FROM hl7_message WHERE control_id = :c AND status = 'ACCEPTED'")
                .param("c", control).query(UUID.class).single();
    }

    @Test
    void anA08CorrectsClassTimesLocationAndAttendingAsANewVersionKeepingTheOld() throws Exception {
        String id = unique();
        String mrn = "EU" + id;
        String visit = "VEU" + id;
        String localDoctor = "D" + id;
        assertThat(send(adt("A01", "EU-1-" + id, mrn, pv1("I", visit, Map.of(3, "4W^401^A", 7,
                localDoctor + "^House^Gregory^^^^^^RGH", 44, "20260301115500")))).get("/MSA-1")).isEqualTo("AA");
        Encounter admitted = encounter(visit);
        UUID house = admitted.attendingId();
        assertThat(practitioners.find(house).orElseThrow().family()).isEqualTo("House");

        Terser ack = send(adt("A08", "EU-2-" + id, mrn, pv1("E", visit, Map.of(3, "ER^2^B", 7,
                npi(id) + "^Wilson^James^^^^^^NPI",
                36, "01", 44, "20260301103000"))));

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        Encounter updated = encounter(visit);
        assertThat(updated.encounterClass()).isEqualTo(EncounterClass.EMERGENCY);
        assertThat(updated.admitAt()).isEqualTo(java.time.LocalDateTime.parse("2026-03-01T10:30:00")
                .atZone(java.time.ZoneId.systemDefault()).toInstant());
        assertThat(updated.dischargeDisposition()).isEqualTo("01");
        assertThat(practitioners.find(updated.attendingId()).orElseThrow().npi()).isEqualTo(npi(id));
        assertThat(location(visit)).isEqualTo("ER 2 B");

        var history = versions.<Encounter>factHistory(RecordVersions.Fact.ENCOUNTER, admitted.id());
        assertThat(history).hasSize(2);
        assertThat(history.getFirst().value()).isEqualTo(admitted);
        assertThat(history.getFirst().value().attendingId()).isEqualTo(house);
        assertThat(history.getLast().provenance().sourceRef()).isEqualTo(ackedMessage("EU-2-" + id));
        assertThat(jdbc.sql("SELECT e.event || ':' || coalesce(e.previous_location, '') || '>' || e.location FROM encounter_event e"
                + " WHERE e.encounter_id = :e ORDER BY e.id").param("e", admitted.id()).query(String.class).list())
                .containsExactly("TRANSFERRED:>4W 401 A", "TRANSFERRED:4W 401 A>ER 2 B");

        send(adt("A08", "EU-3-" + id, mrn, pv1("E", visit, Map.of(3, "ER^2^B", 7, npi(id) + "^Wilson^James^^^^^^NPI"))));
        assertThat(versions.factHistory(RecordVersions.Fact.ENCOUNTER, admitted.id()))
                .as("the same facts again make no new version").hasSize(2);
    }

    @Test
    void aReSentDischargeWithAnotherTimeIsACorrectionAndAnA08CarryingADischargeDischarges() throws Exception {
        String id = unique();
        String mrn = "ED" + id;
        String visit = "VED" + id;
        send(adt("A01", "ED-1-" + id, mrn, pv1("I", visit, Map.of(44, "20260301115500"))));
        assertThat(send(adt("A03", "ED-2-" + id, mrn, pv1("I", visit, Map.of(36, "01", 45, "20260305083000"))))
                .get("/MSA-1")).isEqualTo("AA");
        Encounter discharged = encounter(visit);

        assertThat(send(adt("A03", "ED-3-" + id, mrn, pv1("I", visit, Map.of(36, "02", 45, "20260305093000"))))
                .get("/MSA-1")).isEqualTo("AA");

        Encounter corrected = encounter(visit);
        assertThat(corrected.dischargeAt()).isEqualTo(discharged.dischargeAt().plusSeconds(3600));
        assertThat(corrected.dischargeDisposition()).isEqualTo("02");
        assertThat(versions.<Encounter>factHistory(RecordVersions.Fact.ENCOUNTER, corrected.id()))
                .extracting(v -> v.value().dischargeDisposition()).containsExactly("01", "02");
        assertThat(jdbc.sql("SELECT count(*) FROM encounter_event WHERE encounter_id = :e AND event = 'DISCHARGED'")
                .param("e", corrected.id()).query(Long.class).single()).as("one discharge, corrected").isEqualTo(1);

        String other = "VEO" + id;
        send(adt("A01", "ED-4-" + id, mrn, pv1("I", other, Map.of(44, "20260306080000"))));
        assertThat(send(adt("A08", "ED-5-" + id, mrn, pv1("I", other, Map.of(36, "01", 45, "20260307080000"))))
                .get("/MSA-1")).isEqualTo("AA");
        assertThat(encounter(other).dischargeDisposition()).isEqualTo("01");
        assertThat(jdbc.sql("SELECT event FROM encounter_event WHERE encounter_id = :e").param("e", encounter(other).id())
                .query(String.class).list()).containsExactly("DISCHARGED");
    }

    @Test
    void aMissingOrBadAttendingIdIsAnAeNamingPv17AndNothingIsApplied() throws Exception {
        String id = unique();
        String mrn = "EA" + id;
        String visit = "VEA" + id;

        List<String> fields = List.of("^House^Gregory", "12AB^Wilson^James^^^^^^NPI", "X" + id + "^^^^^^^^RGH");
        List<String> where = List.of("PV1-7.1", "PV1-7.1", "PV1-7.2");
        for (int i = 0; i < fields.size(); i++) {
            Terser ack = send(adt("A01", "EA-" + i + "-" + id, mrn, pv1("I", visit, Map.of(7, fields.get(i)))));
            assertThat(ack.get("/MSA-1")).isEqualTo("AE");
            assertThat(ack.get("/ERR-2-1")).isEqualTo("PV1");
            assertThat(ack.get("/ERR-2-3")).isEqualTo("7");
            assertThat(ack.get("/MSA-3")).startsWith(where.get(i));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM encounter WHERE visit_number = :v").param("v", visit)
                .query(Long.class).single()).isZero();
    }

    @Test
    void transferCancelAdmitAndCancelDischargeFollowTheirDefinitions() throws Exception {
        String id = unique();
        String mrn = "EC" + id;
        String visit = "VEC" + id;
        send(adt("A01", "EC-1-" + id, mrn, pv1("I", visit, Map.of(3, "4W^401^A", 44, "20260301115500"))));

        Terser noLocation = send(adt("A02", "EC-2-" + id, mrn, pv1("I", visit, Map.of())));
        assertThat(noLocation.get("/MSA-1")).isEqualTo("AE");
        assertThat(noLocation.get("/MSA-3")).startsWith("PV1-3");
        assertThat(location(visit)).as("a transfer without a location does not erase it").isEqualTo("4W 401 A");

        assertThat(send(adt("A02", "EC-3-" + id, mrn, pv1("I", visit, Map.of(3, "ICU^1^A", 7,
                "T" + id + "^Cuddy^Lisa^^^^^^RGH")))).get("/MSA-1")).isEqualTo("AA");
        assertThat(location(visit)).isEqualTo("ICU 1 A");
        assertThat(practitioners.find(encounter(visit).attendingId()).orElseThrow().family())
                .as("the transfer brings its new attending").isEqualTo("Cuddy");

        Terser notDischarged = send(adt("A13", "EC-4-" + id, mrn, pv1("I", visit, Map.of())));
        assertThat(notDischarged.get("/MSA-1")).isEqualTo("AE");
        assertThat(notDischarged.get("/MSA-3")).startsWith("PV1-19").contains("not discharged");

        send(adt("A03", "EC-5-" + id, mrn, pv1("I", visit, Map.of(45, "20260305083000"))));
        Terser transferDischarged = send(adt("A02", "EC-6-" + id, mrn, pv1("I", visit, Map.of(3, "5E^2^A"))));
        assertThat(transferDischarged.get("/MSA-1")).isEqualTo("AE");
        assertThat(transferDischarged.get("/MSA-3")).startsWith("PV1-19").contains("A13");
        Terser cancelDischarged = send(adt("A11", "EC-7-" + id, mrn, pv1("I", visit, Map.of())));
        assertThat(cancelDischarged.get("/MSA-1")).isEqualTo("AE");

        assertThat(send(adt("A13", "EC-8-" + id, mrn, pv1("I", visit, Map.of()))).get("/MSA-1")).isEqualTo("AA");
        assertThat(encounter(visit).dischargeAt()).isNull();
        assertThat(send(adt("A11", "EC-9-" + id, mrn, pv1("I", visit, Map.of()))).get("/MSA-1")).isEqualTo("AA");
        assertThat(jdbc.sql("SELECT cancelled_at IS NOT NULL FROM encounter WHERE visit_number = :v").param("v", visit)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT event FROM encounter_event e JOIN encounter n ON n.id = e.encounter_id"
                + " WHERE n.visit_number = :v ORDER BY e.id").param("v", visit).query(String.class).list())
                .containsExactly("TRANSFERRED", "TRANSFERRED", "DISCHARGED", "DISCHARGE_CANCELLED", "ADMISSION_CANCELLED");
    }

    @Test
    void referringPv18AndAdmittingPv117DoctorsAreResolvedLikeTheAttendingAndStoredOnTheEncounter() throws Exception {
        String id = unique();
        String mrn = "ED" + id;
        String visit = "VED" + id;
        assertThat(send(adt("A01", "ED-1-" + id, mrn, pv1("I", visit, Map.of(7, "A" + id + "^House^Gregory^^^^^^RGH",
                8, "R" + id + "^Foreman^Eric^^^^^^RGH", 17, "M" + id + "^Cameron^Allison^^^^^^RGH")))).get("/MSA-1"))
                .isEqualTo("AA");

        assertThat(doctor(visit, "referring_id")).isEqualTo("Foreman");
        assertThat(doctor(visit, "admitting_id")).isEqualTo("Cameron");
        assertThat(practitioners.find(encounter(visit).attendingId()).orElseThrow().family()).isEqualTo("House");

        Terser ack = send(adt("A08", "ED-2-" + id, mrn, pv1("I", visit, Map.of(17, npi(id) + "^Chase^Robert^^^^^^NPI"))));
        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        assertThat(ack.get("/MSA-3")).isNull();
        assertThat(doctor(visit, "admitting_id")).isEqualTo("Chase");
        assertThat(doctor(visit, "referring_id")).as("an empty PV1-8 keeps the referring doctor").isEqualTo("Foreman");
        assertThat(jdbc.sql("SELECT p.npi FROM encounter e JOIN practitioner p ON p.id = e.admitting_id"
                + " WHERE e.visit_number = :v").param("v", visit).query(String.class).single()).isEqualTo(npi(id));
    }

    @Test
    void aReferringOrAdmittingDoctorWithoutAnIdIsAnAeNamingItsField() throws Exception {
        String id = unique();
        String visit = "VEB" + id;
        for (int field : new int[] {8, 17}) {
            Terser ack = send(adt("A01", "EB-" + field + "-" + id, "EB" + id, pv1("I", visit,
                    Map.of(field, "^Foreman^Eric"))));
            assertThat(ack.get("/MSA-1")).isEqualTo("AE");
            assertThat(ack.get("/ERR-2-1")).isEqualTo("PV1");
            assertThat(ack.get("/ERR-2-3")).isEqualTo(String.valueOf(field));
            assertThat(ack.get("/MSA-3")).startsWith("PV1-" + field + ".1")
                    .contains(field == 8 ? "referring doctor" : "admitting doctor");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM encounter WHERE visit_number = :v").param("v", visit)
                .query(Long.class).single()).isZero();
    }

    String doctor(String visit, String column) {
        return jdbc.sql("SELECT p.family FROM encounter e JOIN practitioner p ON p.id = e." + column
                + " WHERE e.visit_number = :v").param("v", visit).query(String.class).single();
    }

    /** A 10-digit NPI of this test's own. */
    static String npi(String id) {
        return String.format("%010d", Math.abs((long) id.hashCode()) % 10_000_000_000L);
    }
}
