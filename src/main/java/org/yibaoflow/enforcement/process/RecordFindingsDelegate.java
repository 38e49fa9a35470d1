package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.ViolationCaseService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录调查结果: the findings against the catalogue (R-VIO-2), amounts, serious risk (R-VIO-6), transfer (R-VIO-11). */
@Component("recordFindingsDelegate")
public class RecordFindingsDelegate implements JavaDelegate {

  private final ViolationCaseService service;

  public RecordFindingsDelegate(ViolationCaseService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var f = service.recordFindings(ProcessVariables.caseKey(execution), ProcessVariables.string(execution, "findingCodes"),
        ProcessVariables.amount(execution, "defraudedAmount"), ProcessVariables.amount(execution, "sampleAmount"),
        ProcessVariables.amount(execution, "samplingRatio"), ProcessVariables.integer(execution, "fineMultiple"),
        ProcessVariables.flag(execution, "documentsRequired"), ProcessVariables.flag(execution, "seriousRisk"),
        ProcessVariables.flag(execution, "crimeSuspected"), ProcessVariables.flag(execution, "publicOfficial"),
        ProcessVariables.flag(execution, "otherRegulator"), execution.getProcessInstanceId());
    execution.setVariable("documentsRequired", f.documentsRequired());
    execution.setVariable("seriousRisk", f.seriousRisk());
    // transient: the multi-instance transfer reads the kinds in this transaction, one referral per kind
    execution.setVariable("referralKinds", Variables.untypedValue(new java.util.ArrayList<>(f.referralKinds()), true));
    execution.setVariable("referralRequired", f.referralRequired());
    execution.setVariable("caseSummary", f.caseSummary());
    execution.setVariable("subjectRef", ProcessVariables.caseKey(execution));
  }
}
