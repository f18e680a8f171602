package org.custodian.scanning;

import java.util.Objects;
import org.custodian.privacy.CustodianUser;

/** Who sent or changed a scan, as the audit trail records them. */
public record ScanActor(String username, String roles, String clientAddress) {
    public ScanActor {
        Objects.requireNonNull(username, "username");
        roles = roles == null ? "" : roles;
    }

    public static ScanActor of(CustodianUser user, String clientAddress) {
        return new ScanActor(user.getUsername(), user.rolesText(), clientAddress);
    }

    /** A batch import at the command line, named after the operating-system account that ran it. */
    public static ScanActor commandLine(String osUser) {
        return new ScanActor("cli:" + (osUser == null || osUser.isBlank() ? "unknown" : osUser), "command line", "local");
    }
}
