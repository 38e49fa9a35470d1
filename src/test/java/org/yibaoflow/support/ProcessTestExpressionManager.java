package org.yibaoflow.support;

import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The process tests' expression manager: the mocks a test registers ({@link org.camunda.bpm.engine.test.mock.Mocks})
 * and, behind them, beans every process needs but no process test is about: {@code documentListener} (the written
 * documents of issue 17, tested in the document package's tests and ITs) does nothing here.
 */
public class ProcessTestExpressionManager extends MockExpressionManager {

  static final ExecutionListener NO_DOCUMENTS = execution -> {
  };

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(super.createElResolver());
    resolver.add(new ReadOnlyMapELResolver(Map.of("documentListener", NO_DOCUMENTS)));
    return resolver;
  }
}
