package org.yibaoflow.reliability;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the timer drill must leave (issue 20 items 3 and 4), read with SQL while no node runs: for each of the N
 * drill cases the document deadline (R-VIO-7) fired exactly once, and each side effect of the path is there exactly
 * once: the settlement suspension (ACTIVE → SETTLEMENT_SUSPENDED, audited once), the DOCUMENT_REQUEST with a number
 * of its own, the measure DOCUMENTS_NOT_PROVIDED, the termination (SETTLEMENT_SUSPENDED → TERMINATED, audited
 * once), the R-VIO-9 ban (row and audit), the case closed once; no timer left, no job out of retries, no incident.
 */
final class TimerCounts {

  /** The drill's case numbers: cases of the drill's institutions (codes T0..., credit codes 92...). */
  static final String MY_CASES = "SELECT vc.case_no FROM violation_case vc JOIN institution i ON i.id = "
      + "vc.institution_id WHERE i.code LIKE 'T0%' AND i.credit_code LIKE '92%'";
  private static final String MY_AGREEMENTS = "SELECT CAST(vc.agreement_id AS VARCHAR(64)) FROM violation_case vc "
      + "WHERE vc.case_no IN (" + MY_CASES + ")";
  private static final String MY_INSTITUTIONS = "SELECT CAST(vc.institution_id AS VARCHAR(64)) FROM violation_case vc "
      + "WHERE vc.case_no IN (" + MY_CASES + ")";
  private static final String MY_DOCUMENT_INSTANCES = "SELECT p.ID_ FROM ACT_HI_PROCINST p WHERE "
      + "p.PROC_DEF_KEY_ = 'document-production' AND p.BUSINESS_KEY_ IN (" + MY_CASES + ")";

  private TimerCounts() {
  }

  /** A count and what it must be. */
  record Row(String what, long actual, long expected) {
    boolean ok() {
      return actual == expected;
    }
  }

  static boolean check(JdbcTemplate jdbc, int n, List<String> report) {
    List<Row> rows = new ArrayList<>();
    rows.add(row(jdbc, "drill cases", "SELECT COUNT(*) FROM (" + MY_CASES + ") c", n));
    rows.add(row(jdbc, "document-production instances", "SELECT COUNT(*) FROM (" + MY_DOCUMENT_INSTANCES + ") d", n));
    rows.add(row(jdbc, "deadline timers fired (history of Event_DocumentDeadline)", "SELECT COUNT(*) FROM "
        + "ACT_HI_ACTINST WHERE ACT_ID_ = 'Event_DocumentDeadline' AND PROC_INST_ID_ IN (" + MY_DOCUMENT_INSTANCES
        + ")", n));
    rows.add(row(jdbc, "  distinct instances whose timer fired", "SELECT COUNT(DISTINCT PROC_INST_ID_) FROM "
        + "ACT_HI_ACTINST WHERE ACT_ID_ = 'Event_DocumentDeadline' AND PROC_INST_ID_ IN (" + MY_DOCUMENT_INSTANCES
        + ")", n));
    rows.add(row(jdbc, "解除协议 steps run (history of Task_TerminateAgreement)", "SELECT COUNT(*) FROM "
        + "ACT_HI_ACTINST WHERE ACT_ID_ = 'Task_TerminateAgreement' AND END_TIME_ IS NOT NULL AND PROC_INST_ID_ IN ("
        + MY_DOCUMENT_INSTANCES + ")", n));
    rows.add(row(jdbc, "timer jobs left", "SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ IN ("
        + MY_DOCUMENT_INSTANCES + ")", 0));
    rows.add(row(jdbc, "settlement suspensions audited (→ SETTLEMENT_SUSPENDED)", "SELECT COUNT(*) FROM audit_log "
        + "WHERE entity_type = 'AGREEMENT' AND action = 'TRANSITION' AND to_state = 'SETTLEMENT_SUSPENDED' AND "
        + "entity_id IN (" + MY_AGREEMENTS + ")", n));
    rows.add(row(jdbc, "terminations audited (→ TERMINATED)", "SELECT COUNT(*) FROM audit_log WHERE entity_type = "
        + "'AGREEMENT' AND action = 'TRANSITION' AND to_state = 'TERMINATED' AND entity_id IN (" + MY_AGREEMENTS + ")",
        n));
    rows.add(row(jdbc, "other transitions of the drill's agreements", "SELECT COUNT(*) FROM audit_log WHERE "
        + "entity_type = 'AGREEMENT' AND action = 'TRANSITION' AND to_state NOT IN ('SETTLEMENT_SUSPENDED', "
        + "'TERMINATED') AND entity_id IN (" + MY_AGREEMENTS + ")", 0));
    rows.add(row(jdbc, "agreements TERMINATED", "SELECT COUNT(*) FROM agreement WHERE state = 'TERMINATED' AND "
        + "CAST(id AS VARCHAR(64)) IN (" + MY_AGREEMENTS + ")", n));
    rows.add(row(jdbc, "R-VIO-9 bans", "SELECT COUNT(*) FROM institution_ban WHERE CAST(agreement_id AS VARCHAR(64)) "
        + "IN (" + MY_AGREEMENTS + ")", n));
    rows.add(row(jdbc, "  bans audited", "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'INSTITUTION' AND "
        + "action = 'BANNED' AND entity_id IN (" + MY_INSTITUTIONS + ")", n));
    rows.add(row(jdbc, "measures DOCUMENTS_NOT_PROVIDED", "SELECT COUNT(*) FROM violation_measure WHERE measure = "
        + "'DOCUMENTS_NOT_PROVIDED' AND case_no IN (" + MY_CASES + ")", n));
    rows.add(row(jdbc, "  distinct cases with it", "SELECT COUNT(DISTINCT case_no) FROM violation_measure WHERE "
        + "measure = 'DOCUMENTS_NOT_PROVIDED' AND case_no IN (" + MY_CASES + ")", n));
    rows.add(row(jdbc, "document requests (DOCUMENT_REQUEST)", "SELECT COUNT(*) FROM document WHERE kind = "
        + "'DOCUMENT_REQUEST' AND case_no IN (" + MY_CASES + ")", n));
    rows.add(row(jdbc, "  distinct document numbers among them", "SELECT COUNT(DISTINCT doc_number) FROM document "
        + "WHERE kind = 'DOCUMENT_REQUEST' AND case_no IN (" + MY_CASES + ")", n));
    rows.add(row(jdbc, "document numbers used twice (all documents)", "SELECT COUNT(*) FROM (SELECT doc_number FROM "
        + "document GROUP BY doc_number HAVING COUNT(*) > 1) d", 0));
    rows.add(row(jdbc, "cases closed", "SELECT COUNT(*) FROM violation_case WHERE closed_at IS NOT NULL AND case_no "
        + "IN (" + MY_CASES + ")", n));
    rows.add(row(jdbc, "  closings audited", "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'VIOLATION_CASE' AND "
        + "action = 'CLOSED' AND entity_id IN (" + MY_CASES + ")", n));
    rows.add(row(jdbc, "jobs without retries", "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ = 0", 0));
    rows.add(row(jdbc, "incidents", "SELECT COUNT(*) FROM ACT_RU_INCIDENT", 0));
    boolean ok = true;
    for (Row r : rows) {
      report.add(String.format("%-62s %,8d %s", r.what(), r.actual(), r.ok() ? "" : "WRONG, expected " + r.expected()));
      ok &= r.ok();
    }
    return ok;
  }

  private static Row row(JdbcTemplate jdbc, String what, String sql, long expected) {
    return new Row(what, CrashDrill.count(jdbc, sql), expected);
  }
}
