package org.custodian.interop.hl7v2;

import org.springframework.stereotype.Component;

/** Which handler applies which message type; anything else is rejected naming MSH-9. */
@Component
class MessageRouter {
    private final AdtHandler adt;
    private final OruHandler oru;
    private final MdmHandler mdm;
    private final MergeHandler merge;

    MessageRouter(AdtHandler adt, OruHandler oru, MdmHandler mdm, MergeHandler merge) {
        this.adt = adt;
        this.oru = oru;
        this.mdm = mdm;
        this.merge = merge;
    }

    /** Checked before anything is applied, so an unsupported message costs no parsing. */
    static void requireSupported(MshHeader header) {
        String event = header.triggerEvent();
        Location msh9 = Location.of("MSH", 9);
        switch (header.messageCode()) {
            case "ADT" -> {
                if (!java.util.Set.of("A01", "A02", "A03", "A04", "A05", "A08", "A11", "A13", "A31", "A40").contains(event)) {
                    throw new Hl7Rejection(ErrorCode.UNSUPPORTED_EVENT, Location.of("MSH", 9, 2),
                            "ADT^" + event + " is not supported (A01-A05, A08, A11, A13, A31, A40 are)");
                }
            }
            case "ORU" -> requireEvent(event, "R01", "ORU");
            case "MDM" -> {
                if (!event.equals("T02") && !event.equals("T08")) {
                    throw new Hl7Rejection(ErrorCode.UNSUPPORTED_EVENT, Location.of("MSH", 9, 2),
                            "MDM^" + event + " is not supported (MDM^T02 and MDM^T08 are)");
                }
            }
            default -> throw new Hl7Rejection(ErrorCode.UNSUPPORTED_MESSAGE_TYPE, msh9,
                    "message type " + header.messageCode() + " is not supported (ADT, ORU^R01, MDM^T02 and MDM^T08 are)");
        }
    }

    Hl7Outcome.Accepted apply(InboundMessage message) {
        return switch (message.header().messageCode()) {
            case "ADT" -> message.header().triggerEvent().equals("A40")
                    ? message.scope().directly(() -> merge.apply(message)) : adt.apply(message);
            case "ORU" -> oru.apply(message);
            case "MDM" -> message.scope().directly(() -> mdm.apply(message));
            default -> throw new IllegalStateException("not checked by requireSupported: " + message.header().messageType());
        };
    }

    private static void requireEvent(String event, String supported, String code) {
        if (!event.equals(supported)) {
            throw new Hl7Rejection(ErrorCode.UNSUPPORTED_EVENT, Location.of("MSH", 9, 2),
                    code + "^" + event + " is not supported (" + code + "^" + supported + " is)");
        }
    }
}
