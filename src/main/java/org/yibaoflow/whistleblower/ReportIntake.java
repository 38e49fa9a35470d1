package org.yibaoflow.whistleblower;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.institution.RegionSetting;
import org.yibaoflow.institution.RegionSettingsService;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.CaseNumbers;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;
import org.yibaoflow.whistleblower.WhistleblowerReport.Channel;
import org.yibaoflow.whistleblower.WhistleblowerReport.Status;

/**
 * Taking in a report (举报受理, R-VIO-1 source REPORT): from the public page without login, or registered by a
 * caseworker (phone, letter, visit) through the API or Tasklist's start form. Each report gets a number (the
 * business key of process {@value #PROCESS_KEY}) and a receipt code for the reporter; a named reporter's identity
 * goes to its own table ({@link ReporterIdentities}) and nowhere else: not into the report row, the audit trail or
 * a process variable.
 */
@Service
public class ReportIntake {

  static final String PROCESS_KEY = "whistleblower-report";
  static final String PREFIX = "JB";
  static final String ENTITY = "WHISTLEBLOWER_REPORT";
  static final String PUBLIC_USER = "public";

  /** A report as received; {@code reporter} null for an anonymous one. */
  public record NewReport(String region, Channel channel, String institutionName, String content,
      ReporterIdentities.Reporter reporter) {
  }

  /** What the reporter is given: the receipt code (once, never stored in clear) and the status. */
  public record Receipt(String reportNo, String receiptCode, String statusZh) {
  }

  /** What a receipt code reveals: the status and two dates, nothing else. */
  public record Progress(String status, String statusZh, String receivedOn, String updatedOn) {
  }

  public record Region(String id, String name) {
  }

  private final WhistleblowerMapper mapper;
  private final ReporterIdentities identities;
  private final CaseNumbers caseNumbers;
  private final RegionSettingsService settings;
  private final AuditService audit;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final EngineAsApplication engine;
  private final RegionAccess regionAccess;
  private final Clock clock;

  ReportIntake(WhistleblowerMapper mapper, ReporterIdentities identities, CaseNumbers caseNumbers,
      RegionSettingsService settings, AuditService audit, RuntimeService runtimeService,
      IdentityService identityService, EngineAsApplication engine, RegionAccess regionAccess, Clock clock) {
    this.mapper = mapper;
    this.identities = identities;
    this.caseNumbers = caseNumbers;
    this.settings = settings;
    this.audit = audit;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.engine = engine;
    this.regionAccess = regionAccess;
    this.clock = clock;
  }

  /** The regions a reporter may choose on the public page (the agencies' tenants). */
  public List<Region> regions() {
    return engine.call(() -> identityService.createTenantQuery().orderByTenantId().asc().list()).stream()
        .map(t -> new Region(t.getId(), t.getName())).toList();
  }

  /** A report from the public page: no user, the region the reporter chose (must exist). */
  @Transactional
  public Receipt receivePublic(NewReport in) {
    String region = in.region() == null ? null : in.region().trim();
    if (region == null || region.isEmpty() || regions().stream().noneMatch(r -> r.id().equals(region))) {
      throw DomainRuleException.badRequest("region", "R-VIO-1", "请选择受理举报的统筹地区", "Choose the region");
    }
    return receive(region, Channel.ONLINE, in, PUBLIC_USER);
  }

  /** A report a caseworker registers (phone, letter, visit) in one of their regions. */
  @Transactional
  public Receipt register(NewReport in) {
    String region = regionAccess.caseRegion(in.region());
    if (in.channel() == null || in.channel() == Channel.ONLINE) {
      throw DomainRuleException.badRequest("channel", "R-VIO-1", "经办人员登记的举报须为电话、来信或来访",
          "A registered report arrived by PHONE, LETTER or VISIT");
    }
    return receive(region, in.channel(), in, regionAccess.currentUser().userId());
  }

  private Receipt receive(String region, Channel channel, NewReport in, String user) {
    String institutionName = text(in.institutionName(), "institutionName", "被举报机构名称", 200);
    String content = text(in.content(), "content", "举报内容", 4000);
    String reportNo = caseNumbers.next(PREFIX, region);
    String code = Receipts.newCode();
    mapper.insert(reportNo, region, channel.name(), Receipts.hash(code), Receipts.tail(code), in.reporter() != null,
        institutionName, content, "pending:" + UUID.randomUUID(), user, OffsetDateTime.now(clock));
    if (in.reporter() != null) {
      identities.store(reportNo, in.reporter(), user);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("region", region);
    variables.put("reportChannel", channel.name());
    variables.put("institutionName", institutionName);
    variables.put("reportContent", content);
    variables.put("named", in.reporter() != null);
    variables.put("startedBy", user);
    String pi = engine.call(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, reportNo, variables)).getId();
    mapper.attachProcess(reportNo, pi);
    audited(region, reportNo, channel, in.reporter() != null, pi);
    return new Receipt(reportNo, code, Status.RECEIVED.publicLabel());
  }

  /**
   * 登记举报, the first step of the process: a report of the public page or the API is registered already (its
   * row names this process instance); one a caseworker starts in Tasklist is registered here and gets its number
   * and receipt code (the caseworker tells the reporter). Idempotent per process instance.
   */
  @Transactional
  public Receipt registerFromProcess(String processInstanceId, String region, String channel,
      String institutionName, String content, boolean named, String startedBy) {
    WhistleblowerReport existing = mapper.findByProcessInstance(processInstanceId);
    if (existing != null) {
      return new Receipt(existing.reportNo(), null, Status.valueOf(existing.status()).publicLabel());
    }
    Channel ch = checkStart(channel, institutionName, content);
    String reportNo = caseNumbers.next(PREFIX, region);
    String code = Receipts.newCode();
    String user = startedBy == null ? AuditService.SYSTEM : startedBy;
    mapper.insert(reportNo, region, ch.name(), Receipts.hash(code), Receipts.tail(code), named, institutionName.trim(),
        content.trim(), processInstanceId, user, OffsetDateTime.now(clock));
    audited(region, reportNo, ch, named, processInstanceId);
    return new Receipt(reportNo, code, Status.RECEIVED.publicLabel());
  }

  /**
   * Checks a start of the process as {@link #registerFromProcess} will (issue 15: mistakes stay in Tasklist's start
   * form, which offers phone, letter and visit).
   */
  public Channel checkStart(String channel, String institutionName, String content) {
    // the engine checks every start of the process against its start form, also the public page's (ONLINE)
    Channel ch = channel == null ? null : java.util.Arrays.stream(Channel.values())
        .filter(c -> c.name().equals(channel)).findFirst().orElse(null);
    if (ch == null) {
      throw DomainRuleException.badRequest("reportChannel", "R-VIO-1", "请选择举报方式：电话、来信或来访",
          "reportChannel must be PHONE, LETTER or VISIT");
    }
    text(institutionName, "institutionName", "被举报机构名称", 200);
    text(content, "reportContent", "举报内容", 4000);
    return ch;
  }

  /** The working days of triage and verification in the region (R-VIO-1 region settings). */
  public int[] periods(String region) {
    return new int[] {settings.value(region, RegionSetting.WHISTLEBLOWER_TRIAGE_PERIOD),
        settings.value(region, RegionSetting.WHISTLEBLOWER_VERIFICATION_PERIOD)};
  }

  /** The progress a receipt code reveals; 404 for an unknown code, 400 for one that cannot be a code. */
  @Transactional(readOnly = true)
  public Progress progress(String receiptCode) {
    if (Receipts.normalise(receiptCode) == null) {
      throw DomainRuleException.badRequest("receiptCode", "INPUT", "受理回执码为 20 位字母数字（如 ABCD-EFGH-JKLM-NPQR-STUV）",
          "receiptCode is 20 letters and digits");
    }
    WhistleblowerReport r = mapper.findByReceipt(Receipts.hash(receiptCode));
    if (r == null) {
      throw DomainRuleException.notFound("举报 / report", "receipt");
    }
    ZoneId beijing = WorkingDayCalendar.ZONE;
    return new Progress(r.status(), Status.valueOf(r.status()).publicLabel(),
        r.createdAt().atZoneSameInstant(beijing).toLocalDate().toString(),
        r.updatedAt().atZoneSameInstant(beijing).toLocalDate().toString());
  }

  private void audited(String region, String reportNo, Channel channel, boolean named, String pi) {
    // the audit trail names the channel and whether the reporter gave a name, never who it is
    audit.record(AuditEntry.of(region, ENTITY, reportNo, "RECEIVED", null, Status.RECEIVED.name(), "R-VIO-1",
        "受理举报：" + channel.name() + (named ? "，实名" : "，匿名"), pi, null));
  }

  public static String text(String value, String field, String zh, int max) {
    if (value == null || value.isBlank()) {
      throw DomainRuleException.badRequest(field, "INPUT", "请填写" + zh, field + " is required");
    }
    if (value.strip().length() > max) {
      throw DomainRuleException.badRequest(field, "INPUT", zh + "不能超过 " + max + " 字", field + " is at most " + max
          + " characters");
    }
    return value.strip();
  }
}
