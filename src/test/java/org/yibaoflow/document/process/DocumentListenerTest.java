package org.yibaoflow.document.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ManualTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.yibaoflow.document.Document;
import org.yibaoflow.document.DocumentKind;
import org.yibaoflow.document.DocumentService;
import org.yibaoflow.support.ProcessTestEngine;

/**
 * The listener a serving step carries: the kind its {@code document} property names (the first entry whose
 * condition holds), the pass of the step as occasion (a step run twice gets a second document), the number into the
 * variable {@code documentNumberVariable} names, nothing for an instance without a region.
 */
class DocumentListenerTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  final DocumentService documents = mock(DocumentService.class);
  final DocumentFacts facts = mock(DocumentFacts.class);
  ProcessEngine engine;

  @BeforeEach
  void register(ProcessEngine engine) {
    this.engine = engine;
    Mocks.register("documentListener", new DocumentListener(documents, facts));
    when(facts.collect(any(), any(), any())).thenReturn(Map.of());
    when(documents.generate(any())).thenAnswer(i -> {
      DocumentService.Request r = i.getArgument(0);
      return new Document(7L, r.region(), r.caseNo(), r.rootCaseNo(), r.kind().name(), r.occasion(),
          "淮医保协〔2026〕3号", "x.docx", "s", "t", null, "system", OffsetDateTime.now(), null, null, null, null, null);
    });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  static BpmnModelInstance model() {
    BpmnModelInstance m = Bpmn.createExecutableProcess("doc-test").camundaHistoryTimeToLive(1)
        .startEvent()
        .manualTask("Task_Serve")
        .camundaExecutionListenerDelegateExpression(ExecutionListener.EVENTNAME_END, "${documentListener}")
        .userTask("Task_Wait")
        .exclusiveGateway("Gateway_Again").condition("again", "${again}").connectTo("Task_Serve")
        .moveToNode("Gateway_Again").condition("done", "${!again}").endEvent()
        .done();
    CamundaProperties properties = m.newInstance(CamundaProperties.class);
    for (String[] p : new String[][] {{"document", "ACCEPTANCE if acceptanceResult=COMPLETE"},
        {"document", "REJECTION if acceptanceResult=REFUSED"}, {"documentNumberVariable", "letterNo"}}) {
      CamundaProperty property = m.newInstance(CamundaProperty.class);
      property.setCamundaName(p[0]);
      property.setCamundaValue(p[1]);
      properties.addChildElement(property);
    }
    ((ManualTask) m.getModelElementById("Task_Serve")).builder().addExtensionElement(properties);
    return m;
  }

  String deploy(String tenant) {
    var builder = engine.getRepositoryService().createDeployment().addModelInstance("doc-test.bpmn", model());
    if (tenant != null) {
      builder.tenantId(tenant);
    }
    return builder.deploy().getId();
  }

  @Test
  void theFirstEntryWhoseConditionHoldsNamesTheKindAndTheNumberLandsInTheVariable() {
    String deployment = deploy("huaibei");
    try {
      var pi = engine.getRuntimeService().startProcessInstanceByKey("doc-test", "DA-2026-huaibei-000001",
          Map.of("acceptanceResult", "REFUSED"));
      ArgumentCaptor<DocumentService.Request> r = ArgumentCaptor.forClass(DocumentService.Request.class);
      verify(documents).generate(r.capture());
      assertThat(r.getValue().kind()).isEqualTo(DocumentKind.REJECTION);
      assertThat(r.getValue().region()).isEqualTo("huaibei");
      assertThat(r.getValue().caseNo()).isEqualTo("DA-2026-huaibei-000001");
      assertThat(r.getValue().occasion()).isEqualTo("Task_Serve#1");
      var vars = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list();
      assertThat(vars).filteredOn(v -> v.getName().equals("letterNo")).extracting(v -> v.getValue())
          .containsExactly("淮医保协〔2026〕3号");
      assertThat(vars).filteredOn(v -> v.getName().equals("documentLink")).extracting(v -> v.getValue())
          .containsExactly("[不予受理决定书 淮医保协〔2026〕3号](/api/documents/7)");

      // no entry applies: nothing generated
      engine.getRuntimeService().startProcessInstanceByKey("doc-test", "DA-2026-huaibei-000002",
          Map.of("acceptanceResult", "INCOMPLETE"));
      verify(documents, times(1)).generate(any());
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void aStepRunAgainGetsASecondOccasion() {
    String deployment = deploy("huaibei");
    try {
      var pi = engine.getRuntimeService().startProcessInstanceByKey("doc-test", "DA-2026-huaibei-000003",
          Map.of("acceptanceResult", "COMPLETE"));
      var tasks = engine.getTaskService();
      tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(),
          Map.of("again", true));
      tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(),
          Map.of("again", false));
      ArgumentCaptor<DocumentService.Request> r = ArgumentCaptor.forClass(DocumentService.Request.class);
      verify(documents, times(2)).generate(r.capture());
      assertThat(r.getAllValues()).extracting(DocumentService.Request::kind)
          .containsExactly(DocumentKind.ACCEPTANCE, DocumentKind.ACCEPTANCE);
      assertThat(r.getAllValues()).extracting(DocumentService.Request::occasion)
          .containsExactly("Task_Serve#1", "Task_Serve#2");
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void anInstanceWithoutARegionGetsNoDocument() {
    String deployment = deploy(null);
    try {
      engine.getRuntimeService().startProcessInstanceByKey("doc-test", "X-1",
          Map.of("acceptanceResult", "COMPLETE"));
      verify(documents, never()).generate(any());
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }
}
