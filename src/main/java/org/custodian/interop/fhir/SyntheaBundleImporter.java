package org.custodian.interop.fhir;

import java.util.HashMap;
import org.custodian.privacy.AuditTrail;
import org.custodian.record.FacilityRepository;
import org.custodian.record.PatientRepository;
import org.custodian.record.PractitionerRepository;
import org.custodian.record.RecordWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads Synthea's FHIR R4 output into the record: patients with their encounters, diagnoses,
 * procedures, results, notes and gross charges (from the encounters' claims), at three demo facilities. Every row keeps its provenance (source
 * system {@code synthea}, the bundle's file name, the actor) and every patient gets a CREATE audit
 * event in the same transaction as its rows. Loading the same output again adds nothing. Each
 * bundle's Patient goes through the master patient index as a Patient created through the API does:
 * a certain match gets the bundle's records and MRNs, a possible one is created and queued for review.
 */
@Service
public class SyntheaBundleImporter {
    private final RecordWriter writer;
    private final PatientRepository patients;
    private final FacilityRepository facilities;
    private final PractitionerRepository practitioners;
    private final AuditTrail audit;
    private final PatientIdentity identity;
    private final TransactionTemplate transactions;

    SyntheaBundleImporter(RecordWriter writer, PatientRepository patients, FacilityRepository facilities,
                          PractitionerRepository practitioners, AuditTrail audit, PatientIdentity identity,
                          PlatformTransactionManager transactionManager) {
        this.identity = identity;
        this.writer = writer;
        this.patients = patients;
        this.facilities = facilities;
        this.practitioners = practitioners;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The hospital, physician office and nursing home of the demo, added if missing. */
    public DemoFacilities ensureFacilities() {
        return transactions.execute(status -> new DemoFacilities(
                facilities.ensure(DemoFacilities.DEFINITIONS.get(0)),
                facilities.ensure(DemoFacilities.DEFINITIONS.get(1)),
                facilities.ensure(DemoFacilities.DEFINITIONS.get(2))));
    }

    /**
     * Starts a run that files every patient and encounter at one facility (the training sandbox)
     * instead of the three demo facilities, without the master patient index: sandbox patients are
     * synthetic and never linked to anyone's record.
     */
    public SyntheaImport beginInto(org.custodian.record.Facility facility, String actor) {
        ImportContext context = new ImportContext(writer, patients, audit, new DemoFacilities(facility, facility, facility),
                new Practitioners(practitioners), new HashMap<>(), actor, ImportMatching.NONE);
        return new SyntheaImport(context, transactions, context.organizationNames());
    }

    /** Starts a run; {@code actor} is recorded as who loaded the data (provenance and audit). */
    public SyntheaImport begin(String actor) {
        ImportContext context = new ImportContext(writer, patients, audit, ensureFacilities(),
                new Practitioners(practitioners), new HashMap<>(), actor, identity);
        return new SyntheaImport(context, transactions, context.organizationNames());
    }
}
