package org.yibaoflow.objection;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.Deadline;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.platform.DomainRuleException;

/**
 * The day an objection received on paper counts as filed (issue 15 item 6, R-PERS-12, R-TIME-1): the day it reached
 * the agency (or the administrative department), not the day the caseworker enters it. It must be a real day of the
 * open window: not in the future (Beijing), not before the decision it contests was served, not after the window's
 * last working day (24:00 Beijing). Read by the 登记异议 form's check before the task completes, and again by
 * {@link ObjectionService#fileReceived} when the process records the filing: one rule for both.
 */
@Component
public class ObjectionReceipts {

  private final ObjectionMapper mapper;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  ObjectionReceipts(ObjectionMapper mapper, WorkingDayCalendar calendar, Clock clock) {
    this.mapper = mapper;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * Checks a paper objection to the objection {@code objectionNo} (the business key of the process whose task
   * records it) before anything is written: the reasons and a received date inside the open window.
   */
  @Transactional(readOnly = true)
  public void check(String objectionNo, LocalDate receivedOn, String reasons) {
    Objection o = mapper.findByNo(objectionNo);
    if (o == null) {
      throw DomainRuleException.notFound("异议 / objection", objectionNo);
    }
    check(o, receivedOn);
    DomainRuleException.requireText(reasons, "reasons", "异议理由", "reasons");
  }

  void check(Objection o, LocalDate receivedOn) {
    if (receivedOn == null) {
      throw DomainRuleException.badRequest("receivedOn", "R-PERS-12", "须填写收到异议书的日期",
          "The date the objection was received is required");
    }
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    if (receivedOn.isAfter(today)) {
      throw DomainRuleException.badRequest("receivedOn", "R-PERS-12", "收到日期不能晚于今天（" + today + "）",
          "The objection cannot have been received after today (" + today + ")");
    }
    if (o.openLevel() == null) {
      throw DomainRuleException.conflict("status", "R-PERS-12", "没有正在进行的异议期（异议已在复核中或决定已生效）",
          "No objection window is open (the objection is under review or the decision is final)");
    }
    LocalDate served = o.windowStartsAfter();
    if (receivedOn.isBefore(served)) {
      throw DomainRuleException.badRequest("receivedOn", "R-PERS-12",
          "收到日期不能早于" + (o.openLevel() == Objection.Level.AGENCY ? "处理决定" : "复核决定") + "的送达日期（" + served + "）",
          "The objection cannot have been received before the decision was served (" + served + ")");
    }
    Deadline window = calendar.addWorkingDays(served, o.windowWorkingDays());
    if (receivedOn.isAfter(window.deadline())) {
      throw DomainRuleException.badRequest("receivedOn", "R-PERS-12",
          "异议已超过期限，不予受理；异议期截止日为 " + window.deadline() + "（当日 24 时止）",
          "The objection is late and refused; the window ended on " + window.deadline() + " (24:00 Asia/Shanghai)")
          .with("windowEndsOn", window.deadline().toString());
    }
  }
}
