package org.yibaoflow.platform;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * What a deployed diagram may contain (issue 13, item 4), checked on every deployment — the application's own
 * and a modeler's through {@code /engine-rest/deployment/create} alike; a violation fails the deployment with a
 * parse error (400) naming the element: no script tasks or {@code camunda:script} (listeners, input/output
 * mappings, conditions), no {@code camunda:class}, and no expression naming an application bean that is not a
 * delegate, a listener or {@code deadlines} ({@link ExpressionBeans}, which also hides such beans at runtime), and
 * no expression reaching the engine's internals ({@link EngineObjectsElResolver}, which also refuses them at
 * runtime).
 */
class DeploymentRules extends AbstractBpmnParseListener {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  /** The content of ${...} / #{...}. */
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  /** An identifier not preceded by '.', i.e. a top-level name (variable or bean). */
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([A-Za-z_][A-Za-z0-9_]*)");

  /** A member of an engine object variable: execution.x (group 2 = x) or execution[...] (group 2 = null). */
  private static final Pattern ENGINE_OBJECT_MEMBER = Pattern.compile("(?<![.\\w])("
      + String.join("|", EngineObjectsElResolver.ENGINE_OBJECT_VARIABLES) + ")\\s*(?:\\.\\s*([A-Za-z_]\\w*)|\\[)");
  /** A member access .x (outside string literals). */
  private static final Pattern DOT_MEMBER = Pattern.compile("\\.\\s*([A-Za-z_]\\w*)");
  /** A member access by a string literal: ['x'] / ["x"]. */
  private static final Pattern BRACKET_MEMBER = Pattern.compile("\\[\\s*['\"]([^'\"]*)['\"]\\s*]");

  private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");

  private final ExpressionBeans beans;

  DeploymentRules(ExpressionBeans beans) {
    this.beans = beans;
  }

  @Override
  public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
    check(rootElement);
  }

  private void check(Element element) {
    String tag = element.getTagName();
    String local = tag.contains(":") ? tag.substring(tag.indexOf(':') + 1) : tag;
    if ("scriptTask".equals(local)) {
      throw new BpmnParseException("Script tasks are not allowed: use a service task with "
          + "camunda:delegateExpression (不允许脚本任务，请使用委托 Bean)", element);
    }
    if ("script".equals(local) && CAMUNDA_NS.equals(element.getUri())) {
      throw new BpmnParseException("camunda:script is not allowed: scripts do not run in yibao-flow "
          + "(不允许 camunda:script 脚本)", element);
    }
    for (String attribute : element.attributes()) {
      String value = element.attribute(attribute);
      String name = attribute.substring(attribute.lastIndexOf(':') + 1);
      if ("class".equals(name) && value != null && !value.isBlank()) {
        throw new BpmnParseException("camunda:class is not allowed: call a delegate bean with "
            + "camunda:delegateExpression=\"${beanName}\" (不允许 camunda:class，请使用 delegateExpression)", element);
      }
      checkExpressions(value, element);
    }
    if (!"documentation".equals(local)) {
      checkExpressions(element.getText(), element);
    }
    element.elements().forEach(this::check);
  }

  private void checkExpressions(String text, Element element) {
    String refusal = refusal(text, beans);
    if (refusal != null) {
      throw new BpmnParseException(refusal, element);
    }
  }

  /**
   * Why the {@code ${...}} / {@code #{...}} expressions in this text may not be deployed, or null: an application
   * bean that is not whitelisted ({@link ExpressionBeans}), or engine internals ({@link EngineObjectsElResolver}:
   * services, the engine, navigation from {@code execution} / {@code task} to anything but variables and the
   * case's identity, dynamic {@code execution[...]} access, {@code getClass} and class loaders). The same rule
   * for BPMN and for DMN ({@link DmnDeploymentRules}).
   */
  static String refusal(String text, ExpressionBeans beans) {
    if (text == null || text.indexOf('{') < 0) {
      return null;
    }
    Matcher m = EXPRESSION.matcher(text);
    while (m.find()) {
      String expression = m.group(1);
      Matcher id = IDENTIFIER.matcher(STRING_LITERAL.matcher(expression).replaceAll("''"));
      while (id.find()) {
        String name = id.group(1);
        if (beans.isHiddenBean(name)) {
          return "The expression '" + m.group() + "' calls the application bean '" + name
              + "', which BPMN may not reach; only the delegate and listener beans and 'deadlines' are visible "
              + "(表达式不能调用该 Bean：" + name + ")";
        }
      }
      String internal = engineInternals(expression);
      if (internal != null) {
        return "The expression '" + m.group() + "' reaches engine internals (" + internal + "); expressions may "
            + "read variables and the case's identity only (表达式不能访问流程引擎内部对象：" + internal + ")";
      }
    }
    return null;
  }

  private static String engineInternals(String expression) {
    String code = STRING_LITERAL.matcher(expression).replaceAll("''");
    Matcher member = ENGINE_OBJECT_MEMBER.matcher(code);
    while (member.find()) {
      if (member.group(2) == null) {
        return member.group(1) + "[...]";
      }
      if (!EngineObjectsElResolver.ALLOWED_ON_ENGINE_OBJECTS.contains(member.group(2))) {
        return member.group(1) + "." + member.group(2);
      }
    }
    for (Matcher any : List.of(DOT_MEMBER.matcher(code), BRACKET_MEMBER.matcher(expression))) {
      while (any.find()) {
        if (EngineObjectsElResolver.DENIED_EVERYWHERE.contains(any.group(1))) {
          return any.group(1);
        }
      }
    }
    return null;
  }
}
