package org.yibaoflow.objection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * What the caseworker recording a paper objection (登记异议, issue 15 item 6) sees: which decision it contests
   * (the original one, or in the second window the agency's review), to whom it goes, when that decision was served
   * and when the open window ends (Beijing, provisional marked, R-PERS-12, R-TIME-1/3). Empty when none is open.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> filingFacts(String objectionNo) {
    Objection o = mapper.findByNo(objectionNo);
    if (o == null || o.openLevel() == null) {
      return Map.of();
    }
    boolean agency = o.openLevel() == Objection.Level.AGENCY;
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("objectionTo", agency ? "医保经办机构（对处理决定提出异议）" : "医保行政部门（对经办机构的复核决定提出异议）");
    facts.put("contestedDecision", agency ? o.decision() : "复核结论：" + OUTCOMES.getOrDefault(o.outcome(), "")
        + (o.effectiveDecision() == null ? "" : "；复核后的决定：" + o.effectiveDecision())
        + (o.outcomeReasons() == null ? "" : "；理由：" + o.outcomeReasons()) + "（原处理决定：" + o.decision() + "）");
    facts.put("contestedServedOn", o.windowStartsAfter().toString());
    facts.put("objectionWindowEnds", window(o, o.windowStartsAfter()));
    facts.put("objectionTimeline", String.join("\n", lines(objectionNo)));
    return facts;
  }

  private static final Map<Objection.Outcome, String> OUTCOMES = Map.of(Objection.Outcome.UPHELD, "维持原决定",
      Objection.Outcome.CHANGED, "变更原决定", Objection.Outcome.REVOKED, "撤销原决定",
      Objection.Outcome.NO_OBJECTION, "未提出异议");

  private String window(Objection o, java.time.LocalDate servedOn) {
    return deadlines.label(calendar.addWorkingDays(servedOn, o.windowWorkingDays()).deadline());
  }

  private static String filed(ObjectionFiling f, String to) {
    return "收到向" + to + "提出的异议：" + (f.receivedOn() != null ? f.receivedOn() + "（书面）"
        : f.filedAt().atZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate())
        + (f.accepted() ? "（在期限内）" : "（逾期，不予受理：" + f.refusalReason() + "）");
  }
}
