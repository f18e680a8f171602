package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.CustodianUser;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/$token}: a client signed in with HTTP Basic gets a bearer token for its
 * following requests (OAuth-style JSON: access_token, token_type, expires_in). Audited.
 */
@Component
public final class TokenOperation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiTokens tokens;
    private final AuditTrail audit;

    TokenOperation(ApiTokens tokens, AuditTrail audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    @Operation(name = "$token", manualResponse = true)
    public void token(@OperationParam(name = "label") StringType label, HttpServletResponse response) throws IOException {
        CustodianUser user = ApiCaller.current();
        String name = label == null || label.isEmpty() ? "API client" : label.getValue();
        ApiTokens.Issued issued = tokens.issue(user, name);
        audit.record(new AuditEntry(user.getUsername(), user.rolesText(), AuditAction.LOGIN, AuditOutcome.SUCCESS, null,
                "ApiToken", null, "FHIR bearer token issued for '" + name + "' until " + issued.expiresAt(), null));
        response.setStatus(200);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        var body = JSON.createObjectNode().put("access_token", issued.token()).put("token_type", "bearer")
                .put("expires_in", issued.expiresAt().getEpochSecond() - Instant.now().getEpochSecond());
        JSON.writeValue(response.getWriter(), body);
    }
}
