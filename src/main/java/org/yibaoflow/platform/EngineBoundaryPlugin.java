package org.yibaoflow.platform;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Installs the engine's boundaries (issue 13, items 3, 4 and 6): the start guard on every process definition,
 * the deployment rules, the bean whitelist of expressions and the outermost command interceptor. Picked up by
 * the Spring Boot starter like every ProcessEnginePlugin bean.
 */
@Component
class EngineBoundaryPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext applicationContext;

  EngineBoundaryPlugin(ApplicationContext applicationContext) {
    this.applicationContext = applicationContext;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ExpressionBeans beans = new ExpressionBeans(applicationContext);
    // only whitelisted beans resolve in BPMN/DMN expressions; the starter created its expression manager with
    // every bean of the context before plugins run, so it is replaced here; setBeans also keeps the Spring bean
    // resolver away from scripts
    configuration.setBeans(beans);
    configuration.setExpressionManager(new SpringExpressionManager(applicationContext, beans));

    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new DeploymentRules(beans));
    configuration.getCustomPreBPMNParseListeners().add(new StartGuard());

    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<CommandInterceptor>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new EngineBoundaryInterceptor());
    // the form-field rule on task completions, for every caller of the public task and form services
    FormBoundServices.install(configuration);
  }
}
