package org.custodian.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the audit trail.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the audit hash chain end to end; exit 1 naming the first broken link.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Launcher.Running running = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
                AuditVerification result = running.bean(AuditTrail.class).verify();
                return switch (result) {
                    case AuditVerification.Intact intact -> {
                        spec.commandLine().getOut().printf("audit chain intact: %d events, head %s%n",
                                intact.events(), intact.headHash());
                        yield 0;
                    }
                    case AuditVerification.Broken broken -> {
                        spec.commandLine().getErr().println("audit chain broken at event " + broken.seq()
                                + ": " + broken.reason());
                        yield 1;
                    }
                };
            }
        }
    }
}
