package org.yibaoflow.expensereview.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.yibaoflow.expensereview.ExpenseReviewService;

/** 复审随机抽样: the second-review sample of the batch, its seed recorded (R-VIO-13). */
@Component("drawSampleDelegate")
class DrawSampleDelegate implements JavaDelegate {

  private final ExpenseReviewService service;

  DrawSampleDelegate(ExpenseReviewService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ExpenseReviewService.Sample s = service.drawSample(execution.getProcessBusinessKey(),
        execution.getProcessInstanceId());
    execution.setVariable("sampledCount", s.sampled());
    execution.setVariable("sampleSeed", Long.toString(s.seed()));
    execution.setVariable("sampleInstitutions", Variables.objectValue(new ArrayList<>(s.institutions()))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }
}
