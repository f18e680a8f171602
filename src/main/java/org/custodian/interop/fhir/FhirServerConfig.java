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
        return FhirContext.forR4Cached();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ServletRegistrationBean<CustodianFhirServer> fhirServlet(FhirContext context, List<IResourceProvider> providers,
                                                             TransactionDoor transactions) {
        var registration = new ServletRegistrationBean<>(new CustodianFhirServer(context, providers, transactions),
                "/fhir/*");
        registration.setName("fhir");
        return registration;
    }
}
