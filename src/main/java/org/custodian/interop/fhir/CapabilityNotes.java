package org.custodian.interop.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceInteractionComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.springframework.stereotype.Component;

/** What the generated CapabilityStatement cannot say by itself: how delete and sign-in behave here. */
@Component
@Interceptor
public final class CapabilityNotes {
    static final String DELETE = "Nothing is removed from the legal health record: DELETE marks the resource"
            + " entered-in-error as a new version, with provenance and an audit event. Later reads answer 410 Gone,"
            + " searches leave it out, and _history and vread keep every version. An Encounter deleted (or updated"
            + " with status entered-in-error) takes the conditions, procedures, observations and notes filed on it"
            + " along, each audited. Patients are not deleted;"
            + " duplicates are merged through the master patient index.";
    static final String SECURITY = "HTTP Basic with the Custodian account, or a bearer token from POST $token."
            + " Accounts whose role requires two-step sign-in send the 6-digit authenticator code with Basic,"
            + " in the X-Custodian-OTP header or after the password; a code works once, so get a token from"
            + " $token with it and use the token for the following requests.";

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void notes(IBaseConformance generated) {
        if (!(generated instanceof CapabilityStatement statement)) {
            return;
        }
        for (var rest : statement.getRest()) {
            rest.getSecurity().setDescription(SECURITY);
            for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
                for (ResourceInteractionComponent interaction : resource.getInteraction()) {
                    if (interaction.getCode() == TypeRestfulInteraction.DELETE) {
                        interaction.setDocumentation(DELETE);
                    }
                }
            }
        }
    }
}
