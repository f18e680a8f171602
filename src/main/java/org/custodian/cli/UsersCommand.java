package org.custodian.cli;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAdministration;
import org.custodian.privacy.UserSummary;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manage user accounts from the server's console (the web page /admin/users does the rest).",
        subcommands = UsersCommand.Add.class)
public final class UsersCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create an account, e.g. the first administrator of a new installation. Prints a temporary "
                    + "password the user must change at first sign-in.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Option(names = "--username", required = true, description = "Sign-in name (lower case).")
        String username;

        @Option(names = "--name", required = true, description = "Full name as the header shows it.")
        String displayName;

        @Option(names = "--role", required = true, split = ",",
                description = "One or more of: ${COMPLETION-CANDIDATES}.")
        List<Role> roles;

        @Option(names = "--facility", split = ",", paramLabel = "CODE",
                description = "Facility codes whose patients the user may see (repeat or separate with commas).")
        List<String> facilityCodes = List.of();

        @Option(names = "--all-facilities", description = "Every facility there is now.")
        boolean allFacilities;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Launcher.Running running = Launcher.start(data.dataDirectory(), Launcher.Mode.TASK, Map.of())) {
                Set<UUID> facilities = facilities(running.bean(FacilityRepository.class));
                String temporary = UserAdministration.temporaryPassword();
                UserSummary created = running.bean(UserAdministration.class).createByOperator(
                        new NewUser(username, displayName, temporary, EnumSet.copyOf(roles), facilities),
                        "cli:" + System.getProperty("user.name", "operator"));
                out.printf("user %s created with roles %s at %d facilities%n", created.username(), created.roles(),
                        created.facilityIds().size());
                out.printf("temporary password: %s (to be changed at first sign-in)%n", temporary);
                return 0;
            } catch (IllegalArgumentException invalid) {
                err.println("users add: " + invalid.getMessage());
                return 1;
            }
        }

        private Set<UUID> facilities(FacilityRepository repository) {
            Set<UUID> ids = new HashSet<>();
            if (allFacilities) {
                repository.all().forEach(f -> ids.add(f.id()));
            }
            for (String code : facilityCodes) {
                Facility facility = repository.byCode(code.strip().toUpperCase())
                        .orElseThrow(() -> new IllegalArgumentException("no facility with code " + code));
                ids.add(facility.id());
            }
            return ids;
        }
    }
}
