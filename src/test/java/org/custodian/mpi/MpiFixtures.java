package org.custodian.mpi;

import java.time.LocalDate;
import java.util.UUID;
import org.custodian.record.Facility;
import org.custodian.record.Mrn;
import org.custodian.record.Patient;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.custodian.record.Sex;
import org.springframework.transaction.support.TransactionTemplate;

/** Registers bare patients (demographics and an MRN, no clinical data) with chosen gaps. */
public final class MpiFixtures {
    private final RecordWriter writer;
    private final TransactionTemplate tx;

    public MpiFixtures(RecordWriter writer, TransactionTemplate tx) {
        this.writer = writer;
        this.tx = tx;
    }

    public Patient register(String given, String family, LocalDate birth, Sex sex, String addressLine, String phone,
                            String ssn, Facility at, String mrn) {
        Patient p = new Patient(UUID.randomUUID(), given, family, birth, sex,
                addressLine == null ? Patient.Address.NONE : new Patient.Address(addressLine, "Boston", "MA", "02118"),
                phone, null);
        tx.executeWithoutResult(s -> writer.batch().patient(p, ssn, Provenance.now("test", "mpi", "tester"))
                .identifier(p.id(), new Mrn(at.id(), mrn)).flush());
        return p;
    }
}
