package org.custodian;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {
    /** The entry point only wires picocli commands together, so it stands outside the module graph. */
    static final ApplicationModules MODULES = ApplicationModules.of(CustodianApplication.class, equivalentTo(Custodian.class));

    @Test
    void modulesOnlyUseEachOthersPublishedApiAndHaveNoCycles() {
        MODULES.verify();
    }
}
