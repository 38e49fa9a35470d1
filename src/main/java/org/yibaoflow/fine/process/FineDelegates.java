package org.yibaoflow.fine.process;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.fine.Fine;
import org.yibaoflow.fine.FineService;
import org.yibaoflow.platform.ProcessVariables;

/** What the fine's delegates share: the fine from the business key, the variables the forms and documents read. */
final class FineDelegates {

  private FineDelegates() {
  }

  static String fineNo(DelegateExecution execution) {
    return ProcessVariables.caseKey(execution);
  }

  /** The stored state the gateways and the next forms read (never what a form submitted). */
  static void show(DelegateExecution execution, Fine f) {
    execution.setVariable("fineStatus", f.status());
    execution.setVariable("fineImposed", f.amount() != null && !Fine.DECLINED.equals(f.status())
        && !Fine.REVOKED.equals(f.status()));
    execution.setVariable("decidedAmount", f.amount() == null ? null : f.amount().toPlainString());
  }

  static void served(DelegateExecution execution, FineService.Served s, String dateVariable) {
    execution.setVariable("decision", s.decision());
    execution.setVariable("party", s.party());
    execution.setVariable(dateVariable, s.servedOn().toString());
  }

  static BigDecimal amount(DelegateExecution execution, String name) {
    return ProcessVariables.amount(execution, name);
  }

  static java.time.LocalDate date(DelegateExecution execution, String name) {
    return Deadlines.toDate(ProcessVariables.value(execution, name));
  }
}
