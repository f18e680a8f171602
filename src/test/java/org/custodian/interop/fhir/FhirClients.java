package org.custodian.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.Facility;

/** HAPI's generic client against the running server, signed in as a test user (or not at all). */
final class FhirClients {
    static final String PASSWORD = "correct horse battery";
    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    static {
        CONTEXT.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        // the server builds its R4 validator on the first transaction: seconds on a busy machine
        CONTEXT.getRestfulClientFactory().setSocketTimeout(300_000);
    }

    private FhirClients() {
    }

    static IGenericClient anonymous(int port) {
        return CONTEXT.newRestfulGenericClient("http://localhost:" + port + "/fhir");
    }

    static IGenericClient signedIn(int port, String username) {
        IGenericClient client = anonymous(port);
        client.registerInterceptor(new BasicAuthInterceptor(username, PASSWORD));
        return client;
    }

    /** An {@code Authorization} header value for HTTP Basic, for requests made without the generic client. */
    static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String basic(String username) {
        return basic(username, PASSWORD);
    }

    /** A capitalised made-up name, different every call: a person of its own that the MPI links to no one else. */
    static String uniqueName() {
        StringBuilder name = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 9).toCharArray()) {
            name.append((char) ('a' + Character.digit(c, 16)));
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static void user(UserAccounts accounts, String username, Role role, Facility... at) {
        Set<UUID> scope = java.util.Arrays.stream(at).map(Facility::id).collect(Collectors.toSet());
        accounts.createOrReset(new NewUser(username, username, PASSWORD, Set.of(role), scope), "test");
    }
}
