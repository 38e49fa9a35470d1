package org.yibaoflow.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;

/**
 * Loads a year's holiday arrangement into the database (R-TIME-1): the shipped files at start-up, or an
 * administrator's file at run time. Validation comes first and a refused file changes nothing; the year,
 * its days and the audit entry are written in one transaction; then every provisional deadline is
 * recomputed (R-TIME-3, {@link ProvisionalDeadlines}).
 */
@Service
class ArrangementLoader {

  /** The length of audit_log.reason. */
  static final int MAX_REASON = 2000;

  static final String SHIPPED = "SHIPPED";
  static final String ADMINISTRATOR = "ADMINISTRATOR";
  static final String ENTITY = "CALENDAR_YEAR";
  private static final String RULE = HolidayArrangement.RULE;
  private static final int MAX_SOURCE = 400;
  private static final Logger LOG = LoggerFactory.getLogger(ArrangementLoader.class);

  /** What a load did to the year: {@code LOADED} (new), {@code REPLACED} or {@code UNCHANGED}. */
  record Change(int year, String action, String origin, long version) {
  }

  record Outcome(Change change, ProvisionalDeadlines.Summary recomputed) {
  }

  private final CalendarMapper mapper;
  private final CalendarStore store;
  private final ProvisionalDeadlines provisional;
  private final AuditService auditService;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ArrangementLoader(CalendarMapper mapper, CalendarStore store, ProvisionalDeadlines provisional,
      AuditService auditService, PlatformTransactionManager transactionManager, Clock clock) {
    this.mapper = mapper;
    this.store = store;
    this.provisional = provisional;
    this.auditService = auditService;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * An administrator loads or replaces {@code year} with a file in the shipped format. Refused with a
   * {@link CalendarValidationException} (field + rule) before anything is written when the file is invalid
   * or for another year; the reason defaults to the notice named in {@code source}.
   */
  Outcome loadByAdministrator(int year, String json, String reason) {
    HolidayArrangement arrangement = HolidayArrangementParser.parse(json);
    if (arrangement.year() != year) {
      throw new CalendarValidationException("year", RULE,
          "文件中的年份 " + arrangement.year() + " 与地址中的年份 " + year + " 不符",
          "the file is for " + arrangement.year() + ", the request for " + year);
    }
    requireSourceLength(arrangement);
    String why = reason != null && !reason.isBlank() ? reason.strip()
        : arrangement.source() != null ? "载入" + arrangement.source() + " / holiday arrangement " + year + " loaded"
        : null;
    if (why == null) {
      throw DomainRuleException.badRequest("reason", "AUDIT",
          "请说明载入理由（参数 reason）或在文件中注明来源通知（source）",
          "Give a reason (parameter reason) or name the notice in source");
    }
    if (why.length() > MAX_REASON) {
      // the audit trail keeps at most 2000 characters (audit_log.reason): refused, not cut or a database error
      throw DomainRuleException.badRequest("reason", "AUDIT", "载入理由不能超过 " + MAX_REASON + " 个字符",
          "The reason is at most " + MAX_REASON + " characters");
    }
    Change change = transactions.execute(s -> store(arrangement, FestivalNames.of(json), ADMINISTRATOR, why));
    store.invalidate();
    return new Outcome(change, provisional.resolveOpen());
  }

  /**
   * Start-up: each shipped year goes into the database unless it is there already. A year an administrator
   * loaded is never overwritten; a year loaded from an older shipped file is replaced when the file changed
   * (a corrected file reaches the database). Then provisional deadlines are recomputed, since a newly
   * shipped year may make some final.
   */
  List<Change> loadShipped() {
    List<Change> changes = new ArrayList<>();
    for (ShippedArrangements.ShippedFile file : ShippedArrangements.files()) {
      HolidayArrangement a = file.arrangement();
      Change change = transactions.execute(s -> storeShipped(a, FestivalNames.of(file.json())));
      changes.add(change);
    }
    store.invalidate();
    if (changes.stream().anyMatch(c -> !c.action().equals("UNCHANGED"))) {
      LOG.info("Shipped holiday arrangements: {}", changes);
    }
    ProvisionalDeadlines.Summary summary = provisional.resolveOpen();
    if (summary.checked() > 0) {
      LOG.info("Provisional deadlines after start-up load: {}", summary);
    }
    return changes;
  }

  private Change storeShipped(HolidayArrangement a, Map<LocalDate, String> festivals) {
    Change unchanged = unchangedByShipped(a);
    if (unchanged != null) {
      return unchanged;
    }
    mapper.bumpRevision();
    // checked again under the revision lock: another node starting at the same time may have loaded it
    unchanged = unchangedByShipped(a);
    if (unchanged != null) {
      return unchanged;
    }
    return store(a, festivals, SHIPPED, "随应用发布的 " + a.year() + " 年节假日安排（" + a.source() + "）"
        + " / shipped holiday arrangement " + a.year());
  }

  /** The year needs no shipped file: an administrator loaded it, or it holds this very arrangement. */
  private Change unchangedByShipped(HolidayArrangement a) {
    CalendarMapper.YearRow existing = mapper.findYear(a.year());
    if (existing != null && (ADMINISTRATOR.equals(existing.origin()) || stored(existing).equals(a))) {
      return new Change(a.year(), "UNCHANGED", existing.origin(), existing.version());
    }
    return null;
  }

  private HolidayArrangement stored(CalendarMapper.YearRow year) {
    List<LocalDate> holidays = new ArrayList<>();
    List<LocalDate> working = new ArrayList<>();
    for (CalendarMapper.DayRow day : mapper.findDaysOfYear(year.year())) {
      (CalendarMapper.DayRow.HOLIDAY.equals(day.kind()) ? holidays : working).add(day.date());
    }
    return HolidayArrangement.of(year.year(), holidays, working, year.source());
  }

  /** Writes the year in the current transaction, with its audit entry. */
  private Change store(HolidayArrangement a, Map<LocalDate, String> festivals, String origin, String reason) {
    mapper.bumpRevision(); // row lock first: concurrent loads (two nodes) run one after the other
    CalendarMapper.YearRow existing = mapper.findYear(a.year());
    OffsetDateTime now = OffsetDateTime.now(clock);
    String actor = auditService.currentActor();
    long version = existing == null ? 1 : existing.version() + 1;
    CalendarMapper.YearRow row = new CalendarMapper.YearRow(a.year(), origin, a.source(), version, actor, now);
    if (existing == null) {
      mapper.insertYear(row);
    } else {
      if (mapper.updateYear(row, existing.version()) != 1) {
        throw DomainRuleException.conflict("year", RULE, a.year() + " 年的节假日安排已被他人修改，请重试",
            "the arrangement for " + a.year() + " was changed meanwhile; try again");
      }
      mapper.deleteDaysOfYear(a.year());
    }
    a.holidays().forEach(d -> mapper.insertDay(
        new CalendarMapper.DayRow(d, a.year(), CalendarMapper.DayRow.HOLIDAY, festivals.get(d))));
    a.workingWeekendDays().forEach(d -> mapper.insertDay(
        new CalendarMapper.DayRow(d, a.year(), CalendarMapper.DayRow.WORKING_DAY, festivals.get(d))));
    String action = existing == null ? "CALENDAR_LOADED" : "CALENDAR_REPLACED";
    auditService.record(AuditEntry.of(null, ENTITY, String.valueOf(a.year()), action,
        existing == null ? null : existing.origin() + " v" + existing.version(), origin + " v" + version, RULE,
        reason, null, "holidays=" + a.holidays().size() + "; workingWeekendDays=" + a.workingWeekendDays().size()
            + "; source=" + a.source()));
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        store.invalidate();
      }
    });
    return new Change(a.year(), existing == null ? "LOADED" : "REPLACED", origin, version);
  }

  private static void requireSourceLength(HolidayArrangement a) {
    if (a.source() != null && a.source().length() > MAX_SOURCE) {
      throw new CalendarValidationException("source", RULE, "来源（source）不能超过 " + MAX_SOURCE + " 个字符",
          "source must not exceed " + MAX_SOURCE + " characters");
    }
  }
}
