package org.custodian;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** The Spring application: one deployable, one top-level package per capability. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Custodian", sharedModules = "platform")
public class CustodianApplication {
}
