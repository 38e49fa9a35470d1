package org.yibaoflow.personnel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.Agreement;
import org.yibaoflow.institution.AgreementService;
import org.yibaoflow.institution.AgreementState;
import org.yibaoflow.institution.TransitionCommand;

/**
 * R-PERS-10: an institution suspended for the share of its suspended or terminated personnel is not suspended open
 * ended: when the region's personnel-institution-suspension months are over its agreement resumes by itself
 * (SUSPENDED -> ACTIVE, cause PERSONNEL_SHARE_ENDED, audited; its personnel follow, R-PERS-11). Daily, each in its
 * own transaction, once per proposal.
 */
@Service
public class ShareSuspensions {

  private static final Logger LOG = LoggerFactory.getLogger(ShareSuspensions.class);

  private final MeasureMapper mapper;
  private final AgreementService agreements;
  private final TransactionTemplate tx;
  private final Clock clock;

  ShareSuspensions(MeasureMapper mapper, AgreementService agreements, TransactionTemplate tx, Clock clock) {
    this.mapper = mapper;
    this.agreements = agreements;
    this.tx = tx;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${yibao.personnel.renewal-interval:PT6H}",
      initialDelayString = "${yibao.personnel.renewal-interval:PT6H}")
  void sweep() {
    int resumed = resumeEnded();
    if (resumed > 0) {
      LOG.info("Institutions resumed after their R-PERS-10 suspension: {}", resumed);
    }
  }

  /** Resumes every share suspension whose end passed; answers how many agreements resumed. */
  public int resumeEnded() {
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    int resumed = 0;
    for (Map<String, Object> row : mapper.shareSuspensionsEnded(today)) {
      Boolean done = tx.execute(s -> resume(row, today));
      resumed += Boolean.TRUE.equals(done) ? 1 : 0;
    }
    return resumed;
  }

  private boolean resume(Map<String, Object> row, LocalDate today) {
    long id = ((Number) value(row, "id")).longValue();
    long institutionId = ((Number) value(row, "institution_id")).longValue();
    if (mapper.shareSuspensionResumed(id, today) == 0) {
      return false;
    }
    for (Agreement a : agreements.ofInstitutionUnchecked(institutionId)) {
      if (a.state() == AgreementState.SUSPENDED) {
        agreements.transition(a.id(), new TransitionCommand(AgreementState.ACTIVE, "PERSONNEL_SHARE_ENDED",
            "R-PERS-10", "因相关人员比例中止协议期满（至 " + value(row, "suspended_until") + "），恢复履行", null));
        return true;
      }
    }
    return false;
  }

  private static Object value(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v != null ? v : row.get(column.toUpperCase(java.util.Locale.ROOT));
  }
}
