package org.yibaoflow.evaluation.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yibaoflow.evaluation.EvaluationCampaign;
import org.yibaoflow.evaluation.EvaluationCampaignService;
import org.yibaoflow.support.ProcessTestEngine;

/** processes/evaluation-campaign.bpmn: the campaign is registered, then batches run as jobs until all started. */
@Deployment(resources = {"processes/evaluation-campaign.bpmn", "forms/evaluation-campaign-start.form"})
class EvaluationCampaignProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

  private final EvaluationCampaignService service = mock(EvaluationCampaignService.class);

  @BeforeEach
  void register() {
    Mocks.register("openCampaignDelegate", new OpenCampaignDelegate(service));
    Mocks.register("startEvaluationBatchDelegate", new StartEvaluationBatchDelegate(service));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void everyBatchIsItsOwnJobUntilAllAreStarted() {
    when(service.open(eq(null), eq(2026), eq("chenmin"))).thenReturn(new EvaluationCampaign(5L, "huaibei", 2026,
        EvaluationCampaign.STARTING, 600, 0L, 0, 0, "chenmin", OffsetDateTime.now(), null, 0L));
    when(service.runNextBatch(5L)).thenReturn(new EvaluationCampaignService.BatchResult(250, false),
        new EvaluationCampaignService.BatchResult(250, false), new EvaluationCampaignService.BatchResult(100, true));
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("evaluation-campaign",
        Map.of("evalYear", 2026, "startedBy", "chenmin"));
    assertThat(pi).isWaitingAt("Task_OpenCampaign");
    execute(job());
    assertThat(pi).hasBusinessKey("EC-huaibei-2026").variables().containsEntry("campaignId", 5L);
    execute(job());
    assertThat(pi).isWaitingAt("Task_StartBatch").variables().containsEntry("allStarted", false);
    execute(job());
    assertThat(pi).isWaitingAt("Task_StartBatch");
    execute(job());
    assertThat(pi).isEnded().hasPassed("EndEvent_AllStarted");
    verify(service, times(3)).runNextBatch(5L);
  }
}
