package org.custodian.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.io.Serial;
import java.util.List;

/**
 * The FHIR R4 facade at {@code /fhir}: HAPI's plain server over the record. Searches page through
 * HAPI's in-memory paging ({@code _count}, next links); errors become OperationOutcomes in {@link FhirErrors}.
 */
final class CustodianFhirServer extends RestfulServer {
    @Serial
    private static final long serialVersionUID = 1L;
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;

    CustodianFhirServer(FhirContext context, List<IResourceProvider> providers, ExportOperations exports,
                        TokenOperation tokens, TransactionDoor transactions, ExportCancellation cancellation,
                        CapabilityNotes notes, SystemHistoryProvider systemHistory) {
        super(context);
        setServerName("Custodian");
        setImplementationDescription("Custodian health information management: the legal health record as FHIR R4");
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setResourceProviders(providers);
        registerProvider(exports);
        registerProvider(tokens);
        registerProvider(systemHistory);
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(200);
        paging.setDefaultPageSize(DEFAULT_PAGE);
        paging.setMaximumPageSize(MAX_PAGE);
        setPagingProvider(paging);
        registerInterceptor(new FhirErrors());
        registerInterceptor(transactions);
        registerInterceptor(cancellation);
        registerInterceptor(notes);
    }
}
