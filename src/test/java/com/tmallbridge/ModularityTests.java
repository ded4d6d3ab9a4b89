package com.tmallbridge;

import com.tmallbridge.testsupport.RunsAlongside;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

@RunsAlongside("reads class files only")
class ModularityTests {
  /**
   * Analysed once for the class: JUnit makes an instance per test method, and each analysis of the
   * code base took 10–15 s in CI.
   */
  private static final ApplicationModules MODULES = ApplicationModules.of(BridgeApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void erpExposesTheBuiltInErpOperationsToOtherModules() {
    var erp = MODULES.getModuleByName("erp").orElseThrow();

    org.assertj.core.api.Assertions.assertThat(erp.getNamedInterfaces().getByName("operations"))
        .hasValueSatisfying(operations -> org.assertj.core.api.Assertions.assertThat(
                operations.contains(com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations.class))
            .isTrue());
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
