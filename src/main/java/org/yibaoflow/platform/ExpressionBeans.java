package org.yibaoflow.platform;

import java.util.AbstractMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The Spring beans BPMN and DMN expressions may reach at runtime (issue 13, item 4; after Valtimo's
 * whitelisted-beans plugin): the delegates and listeners ({@code camunda:delegateExpression="${bean}"}) and the
 * calendar {@code deadlines}. Any other bean is unknown to an expression, so a diagram deployed by a modeler
 * cannot call {@code ${regionSettingsService...}} or read authorizations. The names are taken from the bean
 * definitions by type (without creating the beans) on first use; a bean is created when an expression asks.
 */
final class ExpressionBeans extends AbstractMap<Object, Object> {

  /** Beans visible to expressions besides the delegates and listeners. */
  static final Set<String> EXTRA = Set.of("deadlines");

  private final ListableBeanFactory beans;
  private volatile Set<String> names;

  ExpressionBeans(ListableBeanFactory beans) {
    this.beans = beans;
  }

  /** The whitelisted bean names (sorted, for messages and docs). */
  Set<String> names() {
    Set<String> n = names;
    if (n == null) {
      n = new TreeSet<>(EXTRA);
      for (Class<?> type : new Class<?>[] {JavaDelegate.class, ExecutionListener.class, TaskListener.class}) {
        n.addAll(Set.of(beans.getBeanNamesForType(type, false, false)));
      }
      names = n = Set.copyOf(n);
    }
    return n;
  }

  boolean isVisible(String name) {
    return names().contains(name);
  }

  /** Bean names that exist in the application but are not visible to expressions. */
  boolean isHiddenBean(String name) {
    return !isVisible(name) && beans.containsBean(name);
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String s && isVisible(s);
  }

  @Override
  public Object get(Object key) {
    return containsKey(key) ? beans.getBean((String) key) : null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return names().stream().map(n -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(n, get(n)))
        .collect(Collectors.toSet());
  }
}
