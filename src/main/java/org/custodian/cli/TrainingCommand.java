package org.custodian.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "training", mixinStandardHelpOptions = true,
        description = "The training sandbox: a facility of synthetic patients for trainees (role TRAINEE), who see "
                + "nothing else.",
        subcommands = {TrainingSandboxCommand.class, CommandLine.HelpCommand.class})
public final class TrainingCommand {
}
