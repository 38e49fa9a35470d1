package org.yibaoflow.designation.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.designation.ComplaintReceipt;
import org.yibaoflow.designation.PublicNoticeService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.FormCheck;

/**
 * 登记公示期间投诉 checked before the task completes (issue 15, R-DES-3): the rules of {@link ComplaintReceipt} that
 * {@code POST .../complaints} applies, against this notice's window; a broken one is a Chinese message naming the
 * form's field, the task stays open and nothing is registered.
 */
@Component
class PublicNoticeFormChecks implements FormCheck {

  /** The API's field names as the form's keys. */
  private static final Map<String, String> FIELDS = Map.of("receivedOn", "receivedOn", "channel", "receivedChannel",
      "complainant", "receivedComplainant", "content", "receivedContent");

  private final PublicNoticeService service;
  private final Clock clock;

  PublicNoticeFormChecks(PublicNoticeService service, Clock clock) {
    this.service = service;
    this.clock = clock;
  }

  @Override
  public Set<String> formIds() {
    return Set.of(PublicNoticeFormFacts.REGISTRATION);
  }

  @Override
  public void check(Submission s) {
    ComplaintReceipt receipt;
    try {
      receipt = new ComplaintReceipt(s.text("receivedComplainant"), s.text("receivedChannel"),
          s.text("receivedContent"), ComplaintReceipt.date(s.value("receivedOn")));
    } catch (java.time.DateTimeException e) {
      throw DomainRuleException.badRequest("receivedOn", "INPUT", "「收到日期」须为日期（年-月-日）",
          "receivedOn must be a date (yyyy-MM-dd)");
    }
    try {
      receipt.check(ComplaintReceipt.date(s.value(PublicNoticeService.NOTICE_PUBLISHED_ON)),
          ComplaintReceipt.lastDay(s.variables() instanceof DelegateTask task ? task.getDueDate() : null),
          LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)));
    } catch (DomainRuleException e) {
      throw DomainRuleException.badRequest(FIELDS.getOrDefault(e.field(), e.field()), e.rule(), e.messageZh(),
          e.messageEn());
    }
    if (s.businessKey() != null) {
      service.requireNotice(s.businessKey());
    }
  }
}
