package com.tmallbridge;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {
  private final ApplicationModules modules = ApplicationModules.of(BridgeApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void erpExposesTheBuiltInErpOperationsToOtherModules() {
    var erp = modules.getModuleByName("erp").orElseThrow();

    org.assertj.core.api.Assertions.assertThat(erp.getNamedInterfaces().getByName("operations"))
        .hasValueSatisfying(operations -> org.assertj.core.api.Assertions.assertThat(
                operations.contains(com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations.class))
            .isTrue());
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
