package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.RecordFixtures;
import org.custodian.record.RecordWriter;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the FHIR API tests start from, taken from the running application: the record's writers
 * (for fixtures), user accounts, and HAPI's generic client against the server on {@code port}.
 * Test classes share one database, so each uses facilities and user names of its own.
 */
final class FhirTestBed {
    private final ApplicationContext context;
    private final int port;

    FhirTestBed(ApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    RecordFixtures records() {
        return new RecordFixtures(facilities(), writer(), tx());
    }

    /** Creates (or resets) a user with one role at the facilities given. */
    void user(String username, Role role, Facility... at) {
        FhirClients.user(accounts(), username, role, at);
    }

    IGenericClient signedIn(String username) {
        return FhirClients.signedIn(port, username);
    }

    FacilityRepository facilities() {
        return context.getBean(FacilityRepository.class);
    }

    RecordWriter writer() {
        return context.getBean(RecordWriter.class);
    }

    TransactionTemplate tx() {
        return context.getBean(TransactionTemplate.class);
    }

    UserAccounts accounts() {
        return context.getBean(UserAccounts.class);
    }
}
