package org.yibaoflow.enforcement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.FindingsReport;
import org.yibaoflow.enforcement.ViolationFindingsService;
import org.yibaoflow.platform.ProcessVariables;

/** 记录调查结果: the findings against the catalogue (R-VIO-2), amounts, serious risk (R-VIO-6), transfer (R-VIO-11). */
@Component("recordFindingsDelegate")
public class RecordFindingsDelegate implements JavaDelegate {

  private final ViolationFindingsService service;

  public RecordFindingsDelegate(ViolationFindingsService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var f = service.recordFindings(ProcessVariables.caseKey(execution), report(execution),
        execution.getProcessInstanceId());
    execution.setVariable("documentsRequired", f.documentsRequired());
    execution.setVariable("seriousRisk", f.seriousRisk());
    // transient: the multi-instance transfer reads the kinds in this transaction, one referral per kind
    execution.setVariable("referralKinds", Variables.untypedValue(new java.util.ArrayList<>(f.referralKinds()), true));
    execution.setVariable("referralRequired", f.referralRequired());
    execution.setVariable("caseSummary", f.caseSummary());
    execution.setVariable("subjectRef", ProcessVariables.caseKey(execution));
  }

  /** The investigation form's answers as the service's report. */
  static FindingsReport report(VariableScope v) {
    return new FindingsReport(ProcessVariables.string(v, "findingCodes"), ProcessVariables.amount(v, "defraudedAmount"),
        ProcessVariables.amount(v, "sampleAmount"), ProcessVariables.amount(v, "samplingRatio"),
        ProcessVariables.integer(v, "fineMultiple"), ProcessVariables.flag(v, "documentsRequired"),
        ProcessVariables.flag(v, "seriousRisk"), ProcessVariables.flag(v, "crimeSuspected"),
        ProcessVariables.flag(v, "publicOfficial"), ProcessVariables.flag(v, "otherRegulator"));
  }
}
