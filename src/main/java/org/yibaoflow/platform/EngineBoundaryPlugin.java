package org.yibaoflow.platform;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Installs the engine's boundaries (issue 13, items 3, 4 and 6): the start guard on every process definition
 * (who may start, and only the start form's fields), the BPMN and DMN deployment rules, the bean whitelist and
 * the engine-object guard of expressions, the task and form services that allow only a task form's fields, and
 * the outermost command interceptor (REST statuses). Picked up by the Spring Boot starter like every
 * ProcessEnginePlugin bean.
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
    // and before every resolver, the guard of the engine's own objects (no services, no navigation)
    configuration.setExpressionManager(new SpringExpressionManager(applicationContext, beans) {
      @Override
      protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new EngineObjectsElResolver());
        resolver.add(super.createElResolver());
        return resolver;
      }
    });

    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new DeploymentRules(beans));
    configuration.getCustomPreBPMNParseListeners().add(new StartGuard());
    // decision tables: FEEL or checked JUEL only, before the engine's DMN deployer runs
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<Deployer>());
    }
    configuration.getCustomPreDeployers().add(0, new DmnDeploymentRules(beans));

    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<CommandInterceptor>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new EngineBoundaryInterceptor());
    // the form-field rule on task completions, for every caller of the public task and form services
    FormBoundServices.install(configuration);
  }
}
