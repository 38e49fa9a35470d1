package org.yibaoflow.platform;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What every process gets for Tasklist without a line of BPMN (issue 15), so modelers cannot forget it:
 * <ul>
 *   <li>every user task, on create, the case it belongs to as task variables for the filters' cards
 *       ({@link CaseLabelListener}), and the facts its form shows ({@link FormFacts});</li>
 *   <li>every user task with a Camunda Form, on complete, and every process start form, on start, the
 *       {@link FormCheck}s of that form, before anything is committed;</li>
 *   <li>who may set a follow-up date or move a due date ({@link TaskDatesCommandChecker}).</li>
 * </ul>
 * Internal engine API (parse listener, built-in listeners) is kept in this class of the platform package.
 */
@Component
class TasklistEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<FormCheck> checks;
  private final ObjectProvider<FormFacts> facts;
  private final Clock clock;

  TasklistEnginePlugin(ObjectProvider<FormCheck> checks, ObjectProvider<FormFacts> facts, Clock clock) {
    this.checks = checks;
    this.facts = facts;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new ParseListener());
    configuration.setCustomPostBPMNParseListeners(listeners);
    if (configuration.getCommandCheckers() == null) {
      // the engine's own two checkers, the authorization one deciding who moves a task's dates
      configuration.setCommandCheckers(new ArrayList<>(List.of(new TenantCommandChecker(),
          new TaskDatesCommandChecker())));
    }
  }

  private final class ParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, new CaseLabelListener());
        String formId = formRef(element);
        if (formId != null) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, (DelegateTask task) -> {
            FormCheck.Submission of = new FormCheck.Submission(formId, task.getTenantId(),
                task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(), task);
            facts.orderedStream().filter(f -> f.formIds().contains(formId))
                .forEach(f -> task.setVariablesLocal(f.facts(of)));
          });
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
              (DelegateTask task) -> FormChecks.runForTask(checks, clock, formId, task.getId(), task.getTenantId(),
                  task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(), task));
        }
      }
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      String formId = formRef(element);
      if (formId != null && scope instanceof ProcessDefinitionEntity) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
            (DelegateExecution execution) -> FormChecks.runForStart(checks, clock, formId,
                execution.getProcessDefinitionId(), execution.getTenantId(), execution.getProcessBusinessKey(),
                execution));
      }
    }

    private String formRef(Element element) {
      String ref = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
      return ref == null || ref.isBlank() ? null : ref;
    }
  }
}
