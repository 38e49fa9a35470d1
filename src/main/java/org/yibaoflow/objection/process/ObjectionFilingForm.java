package org.yibaoflow.objection.process;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.objection.ObjectionReceipts;
import org.yibaoflow.objection.ObjectionTimeline;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.FormCheck;
import org.yibaoflow.platform.FormFacts;

/**
 * The form {@code objection-filing} of 登记异议 / 登记向行政部门提出的异议 (issue 15 item 6, R-PERS-12): shows the
 * contested decision, its service date and the window's end; checks the received date and the reasons by the same
 * rule the process then applies when it records the filing ({@link ObjectionReceipts}), so a wrong date is a
 * message in the form, the task stays open and nothing is written.
 */
@Component
class ObjectionFilingForm implements FormCheck, FormFacts {

  static final String FORM = "objection-filing";
  static final String RECEIVED_ON = "objectionReceivedOn";
  static final String REASONS = "objectionReasons";
  static final String EVIDENCE = "objectionEvidence";

  private final ObjectionReceipts receipts;
  private final ObjectionTimeline timeline;

  ObjectionFilingForm(ObjectionReceipts receipts, ObjectionTimeline timeline) {
    this.receipts = receipts;
    this.timeline = timeline;
  }

  @Override
  public Set<String> formIds() {
    return Set.of(FORM);
  }

  @Override
  public Map<String, Object> facts(FormCheck.Submission task) {
    return task.businessKey() == null ? Map.of() : timeline.filingFacts(task.businessKey());
  }

  @Override
  public void check(FormCheck.Submission s) {
    try {
      receipts.check(s.businessKey(), FormCheck.receivedDate(s.text(RECEIVED_ON)), s.text(REASONS));
    } catch (DomainRuleException e) {
      // the form's keys, so Tasklist names the field the caseworker filled
      String field = "receivedOn".equals(e.field()) ? RECEIVED_ON : "reasons".equals(e.field()) ? REASONS : e.field();
      throw DomainRuleException.badRequest(field, e.rule(), e.messageZh(), e.getMessage());
    }
  }
}
