package org.custodian.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts the FHIR server at {@code /fhir/*}; its security is {@link FhirSecurityConfig}. */
@Configuration(proxyBeanMethods = false)
class FhirServerConfig {
    /** One context for the application: building it scans the R4 model, which is not cheap. */
    @Bean
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4Cached();
        // a Provenance names the version it is about; HAPI would otherwise drop the _history part
        context.getParserOptions().setDontStripVersionsFromReferencesAtPaths("Provenance.target");
        // nothing here refers to a resource without an id that would have to be contained, and looking for
        // such references walks every element of every resource encoded (a sixth of a search's encoding)
        context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        return context;
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ServletRegistrationBean<CustodianFhirServer> fhirServlet(FhirContext context, List<IResourceProvider> providers,
                                                             ExportOperations exports, TokenOperation tokens,
                                                             TransactionDoor transactions,
                                                             ExportCancellation cancellation,
                                                             CapabilityNotes notes,
                                                             SystemHistoryProvider systemHistory) {
        var registration = new ServletRegistrationBean<>(new CustodianFhirServer(context, providers, exports, tokens,
                transactions, cancellation, notes, systemHistory),
                "/fhir/*");
        registration.setName("fhir");
        return registration;
    }
}
