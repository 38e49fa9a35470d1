package org.yibaoflow.platform;

import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's {@code TaskService} and {@code FormService} with the form-field rule of {@link TaskChangeGuard}
 * (issue 13, item 3): every public method that completes a task, submits its form or sets its variables passes
 * the task id and the variables the caller gave it through the guard first. Installed by
 * {@link EngineBoundaryPlugin} before the engine is built, so the REST API of {@code /engine-rest}, the webapps'
 * API and every Java caller use them; no command's private state is read.
 */
final class FormBoundServices {

  private FormBoundServices() {
  }

  static void install(ProcessEngineConfigurationImpl configuration) {
    TaskChangeGuard guard = new TaskChangeGuard(configuration);
    configuration.setTaskService(new Tasks(guard));
    configuration.setFormService(new Forms(guard));
  }

  static final class Tasks extends TaskServiceImpl {

    private final TaskChangeGuard guard;

    Tasks(TaskChangeGuard guard) {
      this.guard = guard;
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
      guard.run(taskId, variables, () -> super.complete(taskId, variables));
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
        boolean deserializeValues) {
      return guard.change(taskId, variables,
          () -> super.completeWithVariablesInReturn(taskId, variables, deserializeValues));
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
      guard.run(taskId, variables, () -> super.resolveTask(taskId, variables));
    }

    /** Also setVariable, setVariableLocal and setVariablesLocal, which the engine routes through here. */
    @Override
    protected void setVariables(String taskId, Map<String, ? extends Object> variables, boolean local) {
      guard.run(taskId, variables, () -> super.setVariables(taskId, variables, local));
    }

    @Override
    protected void updateVariables(String taskId, Map<String, ? extends Object> modifications,
        Collection<String> deletions, boolean local) {
      guard.run(taskId, modifications, () -> super.updateVariables(taskId, modifications, deletions, local));
    }
  }

  static final class Forms extends FormServiceImpl {

    private final TaskChangeGuard guard;

    Forms(TaskChangeGuard guard) {
      this.guard = guard;
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
      guard.run(taskId, properties, () -> super.submitTaskForm(taskId, properties));
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
        boolean deserializeValues) {
      return guard.change(taskId, properties,
          () -> super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues));
    }
  }
}
