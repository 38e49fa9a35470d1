package org.yibaoflow.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** The integration suite runs without the job executor: tests execute a case's due jobs themselves. */
public final class Jobs {

  private Jobs() {
  }

  /**
   * Executes the due jobs of one process instance round after round until none is left (a job may make the next
   * one due), at most {@code rounds} times.
   */
  public static void drain(ManagementService managementService, String processInstanceId, int rounds) {
    for (int i = 0; i < rounds
        && managementService.createJobQuery().processInstanceId(processInstanceId).executable().count() > 0; i++) {
      executeDue(managementService, processInstanceId);
    }
  }

  /** Executes the jobs that are due now (async continuations, fired timers) of the given process instances. */
  public static void executeDue(ManagementService managementService, String... processInstanceIds) {
    for (String pi : processInstanceIds) {
      for (Job job : managementService.createJobQuery().processInstanceId(pi).executable().list()) {
        managementService.executeJob(job.getId());
      }
    }
  }
}
