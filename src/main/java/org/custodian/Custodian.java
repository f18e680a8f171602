package org.custodian;

import org.custodian.cli.AnalyticsCommand;
import org.custodian.cli.AotTrainingCommand;
import org.custodian.cli.AuditCommand;
import org.custodian.cli.BackupCommand;
import org.custodian.cli.BenchCommand;
import org.custodian.cli.CodingCommand;
import org.custodian.cli.DeidCommand;
import org.custodian.cli.DemoCommand;
import org.custodian.cli.ImportCommand;
import org.custodian.cli.MpiCommand;
import org.custodian.cli.QualityCommand;
import org.custodian.cli.RestoreCommand;
import org.custodian.cli.ScanCommand;
import org.custodian.cli.KeysCommand;
import org.custodian.cli.ServeCommand;
import org.custodian.cli.TrainingCommand;
import org.custodian.cli.UsersCommand;
import org.custodian.cli.TerminologyCommand;
import org.custodian.platform.FastLaunch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code custodian.jar}: every way a user runs Custodian is a subcommand here. */
@Command(name = "custodian", mixinStandardHelpOptions = true, version = "Custodian 0.1.0",
        description = "Health information management: the legal health record, coding, privacy and more.",
        subcommands = {ServeCommand.class, DemoCommand.class, ImportCommand.class, AuditCommand.class, BenchCommand.class,
                AotTrainingCommand.class, TerminologyCommand.class, CodingCommand.class, AnalyticsCommand.class,
                MpiCommand.class, QualityCommand.class, KeysCommand.class, DeidCommand.class, BackupCommand.class,
                RestoreCommand.class, ScanCommand.class, TrainingCommand.class, UsersCommand.class,
                CommandLine.HelpCommand.class})
public final class Custodian {

    public static void main(String[] args) {
        FastLaunch.relaunchIfPrepared(args).ifPresent(System::exit);
        int code = commandLine().execute(args);
        if (code != 0 || !ServeCommand.keepsRunning()) {
            System.exit(code);
        }
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Custodian())
                .setExecutionExceptionHandler((ex, cmd, parsed) -> {
                    cmd.getErr().println("custodian " + cmd.getCommandName() + ": " + oneLine(ex));
                    return 1;
                });
    }

    private static String oneLine(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
