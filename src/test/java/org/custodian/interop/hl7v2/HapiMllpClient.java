package org.custodian.interop.hl7v2;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.UUID;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;

/**
 * HAPI's own MLLP client connected to the running listener, as a sending system would be: parses
 * the message text, sends it, and hands back the ACK to read with a {@link Terser}.
 */
final class HapiMllpClient implements AutoCloseable {
    private final HapiContext hapi;
    private final Connection connection;

    private HapiMllpClient(HapiContext hapi, Connection connection) {
        this.hapi = hapi;
        this.connection = connection;
    }

    /** A client that frames every message as UTF-8. */
    static HapiMllpClient connect(int port) throws Exception {
        return connect(port, false);
    }

    /** With {@code charsetFromMsh18}, each frame is encoded in the character set its MSH-18 names. */
    static HapiMllpClient connect(int port, boolean charsetFromMsh18) throws Exception {
        HapiContext hapi = new DefaultHapiContext();
        hapi.setValidationContext(ValidationContextFactory.noValidation());
        if (charsetFromMsh18) {
            hapi.setLowerLayerProtocol(new MinLowerLayerProtocol(true));
        }
        return new HapiMllpClient(hapi, hapi.newClient("localhost", port, false));
    }

    /** The sending facility the test messages name in MSH-4 (RGH) exists. */
    static void ensureSendingHospital(FacilityRepository facilities) {
        facilities.ensure(new Facility(UUID.randomUUID(), "RGH", "Riverbend General Hospital", FacilityType.HOSPITAL,
                "Springfield", "MA"));
    }

    Terser send(String text) throws Exception {
        return new Terser(connection.getInitiator().sendAndReceive(hapi.getPipeParser().parse(text)));
    }

    @Override
    public void close() throws Exception {
        connection.close();
        hapi.close();
    }
}
