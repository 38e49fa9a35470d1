package org.yibaoflow.whistleblower;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.RegionAccess;
import org.yibaoflow.whistleblower.WhistleblowerReport.ReporterIdentity;

/**
 * The named reporter (实名举报人, R-VIO-15): stored in its own table when the report is taken in, or recorded later
 * by the 举报人信息专员 ({@code reportdesk}) for a report registered in Tasklist; read only by that role, in its own
 * regions (another region's report answers 404), every reading audited (who read whose report, not the identity).
 */
@Service
public class ReporterIdentities {

  /** Who reported: a name at least; contact and id number as the reporter gave them. */
  public record Reporter(String name, String phone, String idNumber, String address) {
  }

  private final WhistleblowerMapper mapper;
  private final AuditService audit;
  private final RegionAccess regionAccess;
  private final Clock clock;

  ReporterIdentities(WhistleblowerMapper mapper, AuditService audit, RegionAccess regionAccess, Clock clock) {
    this.mapper = mapper;
    this.audit = audit;
    this.regionAccess = regionAccess;
    this.clock = clock;
  }

  /** Stores the identity of a report being taken in (same transaction as the report). */
  void store(String reportNo, Reporter r, String user) {
    mapper.insertReporter(identity(reportNo, r, user));
  }

  /** The identity, for the reportdesk of the report's region. */
  @Transactional
  public ReporterIdentity read(String reportNo) {
    WhistleblowerReport report = visible(reportNo);
    ReporterIdentity identity = mapper.findReporter(reportNo);
    if (identity == null) {
      throw DomainRuleException.notFound("举报人信息 / reporter (anonymous report)", reportNo);
    }
    audit.record(AuditEntry.of(report.region(), ReportIntake.ENTITY, reportNo, "REPORTER_READ", null, null,
        "R-VIO-15", "查阅举报人信息", report.processInstanceId(), null));
    return identity;
  }

  /** Records (or corrects) the identity of a named report, e.g. one a caseworker registered in Tasklist. */
  @Transactional
  public ReporterIdentity record(String reportNo, Reporter r) {
    WhistleblowerReport report = visible(reportNo);
    String user = regionAccess.currentUser().userId();
    ReporterIdentity identity = identity(reportNo, r, user);
    if (mapper.updateReporter(identity) == 0) {
      mapper.insertReporter(identity);
    }
    mapper.markNamed(reportNo);
    audit.record(AuditEntry.of(report.region(), ReportIntake.ENTITY, reportNo, "REPORTER_RECORDED", null, null,
        "R-VIO-15", "登记举报人信息", report.processInstanceId(), null));
    return identity;
  }

  private WhistleblowerReport visible(String reportNo) {
    WhistleblowerReport report = reportNo == null ? null : mapper.find(reportNo);
    if (report == null || !regionAccess.canSee(report.region())) {
      throw DomainRuleException.notFound("举报 / report", reportNo);
    }
    return report;
  }

  private ReporterIdentity identity(String reportNo, Reporter r, String user) {
    String name = ReportIntake.text(r.name(), "reporter.name", "举报人姓名", 100);
    String phone = optional(r.phone(), "reporter.phone", "联系电话", 30);
    String idNumber = optional(r.idNumber(), "reporter.idNumber", "身份证号码", 18);
    String address = optional(r.address(), "reporter.address", "联系地址", 200);
    return new ReporterIdentity(reportNo, name, phone, idNumber, address, user, OffsetDateTime.now(clock));
  }

  private static String optional(String v, String field, String zh, int max) {
    return v == null || v.isBlank() ? null : ReportIntake.text(v, field, zh, max);
  }
}
