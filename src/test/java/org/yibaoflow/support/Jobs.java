package org.yibaoflow.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** The integration suite runs without the job executor: tests execute a case's due jobs themselves. */
public final class Jobs {

  private Jobs() {
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
