package org.yibaoflow.whistleblower;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;

/**
 * What 举报奖励通知书 says (R-VIO-15), read from the report's row, never from variables a form could set: addressed by
 * the receipt code's last 4 characters (the code is stored only as its hash), never by the reporter's name, which
 * stays in whistleblower_reporter. The document package lays it out (DocumentFacts, kind REWARD_NOTICE).
 */
@Component
public class RewardNotices {

  private final WhistleblowerMapper mapper;

  RewardNotices(WhistleblowerMapper mapper) {
    this.mapper = mapper;
  }

  /** The notice's facts: addressee, when and whom the report named, the case, the amounts. */
  public record Facts(String addressee, LocalDate reportedOn, String reportedInstitution, String caseNo,
      String recoveredAmount, String rewardPercent, String rewardAmount, boolean capped) {
  }

  /** The facts of a report with an approved reward; null when the report is unknown. */
  @Transactional(readOnly = true)
  public Facts of(String reportNo) {
    WhistleblowerReport r = reportNo == null ? null : mapper.find(reportNo);
    if (r == null) {
      return null;
    }
    String tail = mapper.receiptTail(reportNo);
    return new Facts(tail == null ? "受理回执码持有人（举报人）" : "受理回执码尾号为 " + tail + " 的举报人",
        r.createdAt().atZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate(), r.institutionName(), r.caseNo(),
        plain(r.recoveredAmount()), r.rewardPercent() == null ? "" : r.rewardPercent().stripTrailingZeros()
            .toPlainString(), plain(r.rewardAmount()), Boolean.TRUE.equals(r.rewardCapped()));
  }

  private static String plain(java.math.BigDecimal amount) {
    return amount == null ? "" : amount.toPlainString();
  }
}
