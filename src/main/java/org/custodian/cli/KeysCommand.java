package org.custodian.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodian.privacy.KeyRotation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage the keys that seal identifiers.",
        subcommands = KeysCommand.Rotate.class)
public final class KeysCommand {

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Seal every SSN and authenticator secret again under a new identifier key; "
                    + "the old key is kept under keys/retired/. Run with the server stopped.")
    static final class Rotate implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Launcher.Running running = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
                KeyRotation rotation = running.bean(KeyRotation.class);
                ProgressBar bar = new ProgressBar("re-sealing", rotation.countSealed(), err, ProgressBar.onTerminal());
                KeyRotation.Outcome outcome = rotation.rotate("cli:" + System.getProperty("user.name", "operator"),
                        (done, total) -> bar.update(done, done + " of " + total));
                if (outcome.finishedInterrupted()) {
                    out.println("finished an interrupted rotation: the new key is in place; old key kept at "
                            + outcome.retiredKey());
                } else {
                    bar.finish(outcome.identifiers() + " identifiers, " + outcome.secrets() + " authenticator secrets");
                    out.printf("identifier key rotated: %d identifiers and %d authenticator secrets sealed again; "
                            + "old key kept at %s%n", outcome.identifiers(), outcome.secrets(), outcome.retiredKey());
                }
                return 0;
            }
        }
    }
}
