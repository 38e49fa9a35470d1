package org.yibaoflow.platform;

import java.util.Optional;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The process execution the engine is working on in this thread, for code that the engine calls without
 * handing it the execution (an expression such as {@code ${deadlines.workingDays(10)}} evaluated for a
 * timer or a due date). Kept here because it uses the engine's internal context (one package for
 * {@code impl} uses).
 */
public final class EngineExecutions {

  /** Where a value is being computed: process instance, current activity and region (tenant). */
  public record ExecutionRef(String processInstanceId, String activityId, String tenantId) {
  }

  private EngineExecutions() {
  }

  /** The current BPMN execution, or empty outside an engine command (a REST call, a timer start event). */
  public static Optional<ExecutionRef> current() {
    if (Context.getCommandContext() == null) {
      return Optional.empty();
    }
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    ExecutionEntity execution = context == null ? null : context.getExecution();
    if (execution == null || execution.getProcessInstanceId() == null) {
      return Optional.empty();
    }
    return Optional.of(new ExecutionRef(execution.getProcessInstanceId(), execution.getActivityId(),
        execution.getTenantId()));
  }
}
