package org.custodian.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where Custodian keeps its data; shared by every command that touches the database. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "custodian-data",
            description = "Data folder: embedded PostgreSQL, keys and files (default: ${DEFAULT-VALUE}). "
                    + "Ignored for the database when CUSTODIAN_DB_URL is set.")
    Path dataDirectory;

    public Path dataDirectory() {
        return dataDirectory;
    }
}
