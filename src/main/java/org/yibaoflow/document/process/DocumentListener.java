package org.yibaoflow.document.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yibaoflow.document.Document;
import org.yibaoflow.document.DocumentKind;
import org.yibaoflow.document.DocumentService;

/**
 * Generates the written document of the step it listens on (文书, issue 17). The step names its document in the
 * BPMN as an extension property {@code document} (Camunda Modeler: Extensions / Properties): a kind such as
 * {@code DECISION}, or {@code REJECTION if acceptanceResult=INCOMPLETE} to choose by a variable the step's delegate
 * set; the first that applies wins. A property {@code documentNumberVariable} names a variable that takes the number. Runs in the step's transaction: the document, its number and the step commit
 * together, and a retried job gets the stored document back (unique per case, kind and pass of the step). Sets
 * {@code documentId}, {@code documentNumber} and {@code documentLink} (a markdown link for the serving form).
 */
@Component("documentListener")
public class DocumentListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentListener.class);
  static final String PROPERTY = "document";
  /** Optional property: a variable that takes the generated number (文号), e.g. {@code letterNo}. */
  static final String NUMBER_VARIABLE = "documentNumberVariable";

  private final DocumentService documents;
  private final DocumentFacts facts;

  DocumentListener(DocumentService documents, DocumentFacts facts) {
    this.documents = documents;
    this.facts = facts;
  }

  @Override
  public void notify(DelegateExecution execution) {
    DocumentKind kind = kindOf(execution);
    if (kind == null) {
      return;
    }
    if (execution.getTenantId() == null) {
      // a document belongs to a region (its numbering, its readers); an instance without one serves none
      LOG.warn("No region (tenant) on process instance {}: {} not generated at {}", execution.getProcessInstanceId(),
          kind, execution.getCurrentActivityId());
      return;
    }
    String activityId = execution.getCurrentActivityId();
    String caseNo = execution.getProcessBusinessKey();
    String rootCaseNo = rootBusinessKey(execution);
    // the pass of the step: its earlier runs committed to history, plus this one (not flushed before the
    // transaction ends; a failed run rolled back, so its retry is the same pass)
    long pass = execution.getProcessEngineServices().getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId()).activityId(activityId).count() + 1;
    Document d = documents.generate(new DocumentService.Request(execution.getTenantId(), caseNo, rootCaseNo, kind,
        activityId + "#" + pass, execution.getProcessInstanceId(),
        facts.collect(execution, kind, rootCaseNo)));
    execution.setVariable("documentId", d.id());
    execution.setVariable("documentNumber", d.number());
    execution.setVariable("documentLink", "[" + d.kindName() + " " + d.number() + "](/api/documents/" + d.id() + ")");
    for (String name : entries(execution.getBpmnModelElementInstance(), NUMBER_VARIABLE)) {
      execution.setVariable(name, d.number()); // e.g. the transfer letter's number (移送函文号) is the document's
    }
  }

  /** The kind the step names, or null when no entry applies. */
  static DocumentKind kindOf(DelegateExecution execution) {
    for (String entry : entries(execution.getBpmnModelElementInstance(), PROPERTY)) {
      String[] parts = entry.split("\\s+if\\s+", 2);
      if (parts.length == 2) {
        String[] cond = parts[1].split("=", 2);
        Object value = execution.getVariable(cond[0].trim());
        if (value == null || !String.valueOf(value).equals(cond.length > 1 ? cond[1].trim() : "true")) {
          continue;
        }
      }
      String code = parts[0].trim();
      return DocumentKind.of(code).orElseThrow(() -> new IllegalStateException(
          "Unknown document kind '" + code + "' on " + execution.getCurrentActivityId()));
    }
    return null;
  }

  static List<String> entries(BaseElement element, String property) {
    List<String> values = new ArrayList<>();
    if (element == null || element.getExtensionElements() == null) {
      return values;
    }
    for (CamundaProperties ps : element.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty p : ps.getCamundaProperties()) {
        if (property.equals(p.getCamundaName()) && p.getCamundaValue() != null) {
          values.add(p.getCamundaValue());
        }
      }
    }
    return values;
  }

  private static String rootBusinessKey(DelegateExecution execution) {
    DelegateExecution top = execution;
    while (top.getSuperExecution() != null) {
      top = top.getSuperExecution();
    }
    String key = top.getProcessBusinessKey();
    return key == null ? execution.getProcessBusinessKey() : key;
  }
}
