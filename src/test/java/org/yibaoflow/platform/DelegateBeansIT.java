package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yibaoflow.support.IntegrationTest;
import org.yibaoflow.support.ModelerFiles;

/** Every camunda:delegateExpression in processes/ names a delegate bean of the application. */
@IntegrationTest
class DelegateBeansIT {

  @Autowired
  ApplicationContext context;

  @Test
  void everyDelegateExpressionNamesAnExistingBean() throws IOException {
    for (Path file : ModelerFiles.bpmn()) {
      for (String bean : ModelerConventionsTest.delegateBeans(file)) {
        assertThat(context.containsBean(bean)).as(file + ": no bean named " + bean).isTrue();
        assertThat(context.getBean(bean)).as(file + ": " + bean + " is not a delegate or listener")
            .isInstanceOfAny(JavaDelegate.class, ExecutionListener.class, TaskListener.class);
      }
    }
  }
}
