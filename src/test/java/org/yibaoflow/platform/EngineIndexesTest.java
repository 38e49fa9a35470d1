package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start-up warning for a PostgreSQL server without autovacuum (issue 20 item 1, docs/operations.md). */
class EngineIndexesTest {

  @Test
  void warnsOnlyWhenAutovacuumIsOff() {
    assertThat(EngineIndexes.autovacuumWarning("off")).hasValueSatisfying(w -> assertThat(w)
        .contains("autovacuum = off").contains("ANALYZE"));
    assertThat(EngineIndexes.autovacuumWarning("on")).isEmpty();
    assertThat(EngineIndexes.autovacuumWarning(null)).isEmpty();
  }
}
