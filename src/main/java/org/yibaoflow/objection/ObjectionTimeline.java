package org.yibaoflow.objection;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.Deadlines;
import org.yibaoflow.calendar.WorkingDayCalendar;

/**
 * The dates an objection decision rests on (issue 15, R-PERS-12), as its review forms show them: when the
 * decision was served, when each window ends (Beijing time, 24:00 of the last working day, marked provisional
 * per R-TIME-3), when each objection was received and whether in time. Read by the objection's own process
 * (business key), so no user region check here.
 */
@Component
public class ObjectionTimeline {

  private final ObjectionMapper mapper;
  private final WorkingDayCalendar calendar;
  private final Deadlines deadlines;

  ObjectionTimeline(ObjectionMapper mapper, WorkingDayCalendar calendar, Deadlines deadlines) {
    this.mapper = mapper;
    this.calendar = calendar;
    this.deadlines = deadlines;
  }

  /** One line per fact, oldest first; empty when the objection is unknown. */
  @Transactional(readOnly = true)
  public List<String> lines(String objectionNo) {
    Objection o = mapper.findByNo(objectionNo);
    List<String> lines = new ArrayList<>();
    if (o == null) {
      return lines;
    }
    lines.add("处理决定送达：" + o.noticeServedOn());
    lines.add("异议期限（送达后 " + o.windowWorkingDays() + " 个工作日）：" + window(o, o.noticeServedOn()));
    List<ObjectionFiling> filings = mapper.findFilings(objectionNo);
    filings.stream().filter(f -> f.level() == Objection.Level.AGENCY).forEach(f -> lines.add(filed(f, "经办机构")));
    if (o.reviewServedOn() != null) {
      lines.add("复核决定送达：" + o.reviewServedOn());
      lines.add("向医保行政部门提出异议的期限：" + window(o, o.reviewServedOn()));
    }
    filings.stream().filter(f -> f.level() == Objection.Level.ADMIN).forEach(f -> lines.add(filed(f, "医保行政部门")));
    return lines;
  }

  private String window(Objection o, java.time.LocalDate servedOn) {
    return deadlines.label(calendar.addWorkingDays(servedOn, o.windowWorkingDays()).deadline());
  }

  private static String filed(ObjectionFiling f, String to) {
    return "收到向" + to + "提出的异议：" + f.filedAt().atZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate()
        + (f.accepted() ? "（在期限内）" : "（逾期，不予受理：" + f.refusalReason() + "）");
  }
}
