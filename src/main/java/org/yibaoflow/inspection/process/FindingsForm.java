package org.yibaoflow.inspection.process;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.yibaoflow.enforcement.ViolationCodes;
import org.yibaoflow.inspection.InspectionWork;
import org.yibaoflow.platform.ProcessVariables;

/** The findings form (inspection-findings) as the inspection service takes it (R-VIO-14, R-VIO-1, R-PERS-5). */
final class FindingsForm {

  static final String FORM = "inspection-findings";
  static final String REVIEW_FORM = "inspection-material-review";
  static final String START_FORM = "inspection-plan-start";

  private FindingsForm() {
  }

  static InspectionWork.Findings of(VariableScope v) {
    BigDecimal amount = ProcessVariables.amount(v, "suspectedAmount");
    return new InspectionWork.Findings(ProcessVariables.string(v, "institutionCode"),
        ViolationCodes.parse(v.getVariable("findingCodes")), amount, ProcessVariables.string(v, "personCode"),
        ViolationCodes.parse(v.getVariable("deductionCodes")), ProcessVariables.integer(v, "deductionPoints"),
        ProcessVariables.string(v, "deductionNote"), ProcessVariables.string(v, "inspectionNote"));
  }

  static long inspectionId(VariableScope v) {
    return ProcessVariables.requiredLong(v, "inspectionId");
  }
}
