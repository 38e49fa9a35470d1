package org.yibaoflow.platform;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a deployed decision table (DMN) may contain (issue 13, item 4), checked on every new deployment before
 * the engine parses it — the application's own and a modeler's through {@code /engine-rest/deployment/create}
 * alike; a violation fails the whole deployment (400 naming the element and the rule, nothing deployed):
 *
 * <ul>
 *   <li>expression languages: FEEL (the default; Camunda's legacy FEEL as {@link DmnEngines} uses it) and JUEL
 *       only — no script language (javascript, groovy, python, ...), neither on an expression nor as the
 *       file's default;
 *   <li>a JUEL expression obeys the rule of BPMN expressions ({@link DeploymentRules#refusal}): no application
 *       bean that is not whitelisted, no engine internals;
 *   <li>no FEEL external (Java) function.
 * </ul>
 * At runtime the same whitelist applies again ({@link ExpressionBeans}, {@link EngineObjectsElResolver}).
 */
class DmnDeploymentRules implements Deployer {

  /** Expression languages a DMN may name (lower case): FEEL in its spellings, and JUEL. */
  static final Set<String> ALLOWED_LANGUAGES = Set.of("feel", "juel", "http://www.omg.org/spec/feel/20140401",
      "https://www.omg.org/spec/dmn/20191111/feel/", "http://www.omg.org/spec/dmn/20180521/feel/");
  private static final Set<String> EXPRESSION_ELEMENTS = Set.of("inputExpression", "inputEntry", "outputEntry",
      "literalExpression", "defaultOutputEntry", "inputValues", "outputValues", "allowedValues");
  private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\s*\\{");

  private final ExpressionBeans beans;

  DmnDeploymentRules(ExpressionBeans beans) {
    this.beans = beans;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      if (name != null && (name.endsWith(".dmn") || name.endsWith(".dmn11.xml") || name.endsWith(".dmn.xml"))) {
        check(name, resource.getBytes());
      }
    }
  }

  void check(String resource, byte[] bytes) {
    Element root;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement();
    } catch (Exception unreadable) {
      // the engine's own DMN parser answers what it cannot read
      return;
    }
    String fileDefault = language(root.getAttribute("expressionLanguage"));
    if (fileDefault != null && !ALLOWED_LANGUAGES.contains(fileDefault)) {
      throw refused(resource, root, "expression language '" + fileDefault + "'");
    }
    walk(resource, root, fileDefault);
  }

  private void walk(String resource, Element element, String fileDefault) {
    String local = element.getLocalName();
    if (local != null && EXPRESSION_ELEMENTS.contains(local)) {
      String own = language(element.getAttribute("expressionLanguage"));
      if (own != null && !ALLOWED_LANGUAGES.contains(own)) {
        throw refused(resource, element, "expression language '" + own + "'");
      }
      String text = element.getTextContent() == null ? "" : element.getTextContent().trim();
      String effective = own != null ? own : fileDefault;
      if ("juel".equals(effective) && !text.isEmpty()) {
        String refusal = DeploymentRules.refusal(text.contains("{") ? text : "${" + text + "}", beans);
        if (refusal != null) {
          throw refused(resource, element, refusal);
        }
      }
      if (FEEL_EXTERNAL.matcher(text).find()) {
        throw refused(resource, element, "a FEEL external (Java) function");
      }
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
        walk(resource, (Element) children.item(i), fileDefault);
      }
    }
  }

  private static String language(String attribute) {
    return attribute == null || attribute.isBlank() ? null : attribute.trim().toLowerCase(Locale.ROOT);
  }

  private static ParseException refused(String resource, Element element, String what) {
    Element named = element;
    while (named != null && named.getAttribute("id").isEmpty() && named.getParentNode() instanceof Element p) {
      named = p;
    }
    String id = named == null ? "" : named.getAttribute("id");
    return new ParseException("DMN '" + resource + "', element '" + id + "' (" + element.getLocalName()
        + "): " + what + " is not allowed; decision tables use FEEL, or JUEL on variables and whitelisted beans "
        + "only (决策表只能使用 FEEL 表达式，不允许脚本语言或调用未列入白名单的 Bean)", resource, List.of(), List.of());
  }
}
