package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibaoflow.support.IntegrationTest;

/**
 * Issue 20 item 5: history is cleaned up by removal time (end of the root instance + its time to live) in a
 * nightly window in Beijing time, and the case files stay for the ten years an agency keeps them.
 */
@IntegrationTest
class HistoryCleanupIT {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /** Case files are kept ten years (archive practice for administrative case files): at least 3650 days. */
  private static final int CASE_FILE_DAYS = 3650;

  @Autowired
  ProcessEngine engine;

  @Test
  void cleanupRemovesByRemovalTimeSetAtTheEndOfTheCase() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getHistoryCleanupStrategy()).isEqualTo(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
    assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
  }

  @Test
  void cleanupRunsNightlyFromOneToFiveBeijingTime() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(beijing(config.getHistoryCleanupBatchWindowStartTimeAsDate())).isEqualTo("01:00");
    assertThat(beijing(config.getHistoryCleanupBatchWindowEndTimeAsDate())).isEqualTo("05:00");
    assertThat(config.getBatchWindowManager().isBatchWindowConfigured(config)).isTrue();
  }

  @Test
  void everyProcessKeepsItsHistoryForTenYears() {
    for (ProcessDefinition d : engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
      assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isGreaterThanOrEqualTo(CASE_FILE_DAYS);
    }
  }

  private static String beijing(Date time) {
    ZonedDateTime t = time.toInstant().atZone(BEIJING);
    return String.format("%02d:%02d", t.getHour(), t.getMinute());
  }
}
