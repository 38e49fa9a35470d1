package org.yibaoflow.document.process;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.document.Document;
import org.yibaoflow.document.DocumentKind;
import org.yibaoflow.document.DocumentService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * The user task that serves a written document (送达, issue 17): the caseworker downloads the document the process
 * generated, prints, stamps and serves it, and records the date and manner of service in the task. The task names
 * the kind it serves in the BPMN as an extension property {@code serves} (e.g. {@code DECISION}); a property
 * {@code servedOnVariable} names the variable that takes the recorded date (e.g. {@code noticeServedOn}, from which
 * the objection window counts, R-PERS-12, R-TIME-1).
 *
 * <p>On {@code create} it sets the download link of the process instance's latest document of that kind and the
 * manners of service for the form's select ({@code serviceMethodOptions}, from {@link Document.ServiceMethod}). On
 * {@code complete} it records the service on that document ({@code servedOn}, {@code serviceMethod},
 * {@code servedBy}), checked as the API checks it; a refusal leaves the task open with the Chinese message. The
 * document is found by the process instance and kind, never by a variable a user could set.
 */
@Component("documentServiceListener")
public class DocumentServiceListener implements TaskListener {

  static final String SERVES = "serves";
  static final String SERVED_ON_VARIABLE = "servedOnVariable";
  static final String OPTIONS = "serviceMethodOptions";

  private final DocumentService documents;

  public DocumentServiceListener(DocumentService documents) {
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    try {
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        created(task);
      } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
        completed(task);
      }
    } catch (DomainRuleException e) {
      // Tasklist shows the message of the refused completion: Chinese first, field and rule for the API caller
      throw new ProcessEngineException(e.messageZh() + "（" + e.field() + "，" + e.rule() + "）" + e.messageEn(), e);
    }
  }

  /** The manners of service as options of a form select (label in Chinese, value the code). */
  static List<Map<String, String>> serviceMethodOptions() {
    return Arrays.stream(Document.ServiceMethod.values())
        .map(m -> Map.of("label", m.nameZh(), "value", m.name())).toList();
  }

  private void created(DelegateTask task) {
    task.setVariable(OPTIONS, SpinValues.jsonValue(Spin.JSON(serviceMethodOptions())).create());
    Document d = served(task);
    if (d != null) {
      task.setVariable("documentLink", "[" + d.kindName() + " " + d.number() + "](/api/documents/" + d.id() + ")");
      task.setVariable("documentNumber", d.number());
    } else {
      task.setVariable("documentLink", "（本流程没有生成文书：流程实例未设地区）");
    }
  }

  private void completed(DelegateTask task) {
    Document d = served(task);
    LocalDate servedOn = date(task.getVariable("servedOn"));
    Object method = task.getVariable("serviceMethod");
    Object servedBy = task.getVariable("servedBy");
    LocalDate recorded = d == null ? documents.checkServiceWithoutDocument(servedOn, asText(method))
        : documents.recordServiceAtStep(d, servedOn, asText(method), asText(servedBy)).servedOn();
    for (String name : DocumentListener.entries(task.getBpmnModelElementInstance(), SERVED_ON_VARIABLE)) {
      // the date as recorded on the document, whatever the form sent under this name
      task.getExecution().setVariable(name, recorded.toString());
    }
  }

  private static String asText(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  /**
   * The process instance's latest document of the kind the task serves; null when the instance generated none
   * (an instance without a region: {@link DocumentListener} generates nothing there).
   */
  private Document served(DelegateTask task) {
    List<String> kinds = DocumentListener.entries(task.getBpmnModelElementInstance(), SERVES);
    if (kinds.isEmpty()) {
      throw new IllegalStateException("No property '" + SERVES + "' on user task " + task.getTaskDefinitionKey());
    }
    DocumentKind kind = DocumentKind.of(kinds.get(0)).orElseThrow(() -> new IllegalStateException(
        "Unknown document kind '" + kinds.get(0) + "' on " + task.getTaskDefinitionKey()));
    return documents.latestOfProcess(task.getProcessInstanceId(), kind);
  }

  private static LocalDate date(Object value) {
    if (value == null || value instanceof CharSequence s && s.toString().isBlank()) {
      return null; // refused by the service as a missing date
    }
    try {
      return Deadlines.toDate(value);
    } catch (RuntimeException e) {
      throw DomainRuleException.badRequest("servedOn", "R-TIME-1", "送达日期格式不正确（应为 yyyy-MM-dd）",
          "The date of service must be a date (yyyy-MM-dd)");
    }
  }
}
