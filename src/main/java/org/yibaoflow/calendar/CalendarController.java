package org.yibaoflow.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;

/**
 * The calendar for people and other systems (authenticated users; loading a year: administrators).
 * <ul>
 *   <li>{@code GET /api/calendar/deadline?from=2025-09-26&workingDays=10} (or {@code days}, {@code months})</li>
 *   <li>{@code GET /api/calendar/2027}: the year's days off and working weekend days, loaded or provisional</li>
 *   <li>{@code PUT /api/calendar/2027?reason=...}: load or replace the year (members of camunda-admin)</li>
 * </ul>
 * Bad input is answered 400 with an RFC 7807 body naming the field and the rule (R-TIME-*).
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  /** A deadline: {@code expiresAt} is the end of {@code deadline} (next day 00:00 Asia/Shanghai). */
  record DeadlineAnswer(String from, String kind, int n, String deadline, String expiresAt, boolean provisional) {
  }

  record LoadAnswer(ArrangementLoader.Change change, ProvisionalDeadlines.Summary recomputed,
      CalendarService.Year year) {
  }

  private final CalendarService calendar;
  private final ArrangementLoader loader;

  CalendarController(CalendarService calendar, ArrangementLoader loader) {
    this.calendar = calendar;
    this.loader = loader;
  }

  @AllowedRoles({Role.CASEWORKER, Role.EXPERT, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.MODELER, Role.ADMIN})
  @GetMapping("/deadline")
  DeadlineAnswer deadline(@RequestParam MultiValueMap<String, String> params) {
    String fromText = single(params, "from", "R-TIME-1");
    if (fromText == null) {
      throw DomainRuleException.badRequest("from", "R-TIME-1", "缺少参数 from（事件发生日，yyyy-MM-dd）",
          "Missing parameter from (the day of the event, yyyy-MM-dd)");
    }
    LocalDate from;
    try {
      from = LocalDate.parse(fromText.strip());
    } catch (DateTimeParseException e) {
      throw DomainRuleException.badRequest("from", "R-TIME-1",
          "日期格式错误：from=" + fromText + "（应为 yyyy-MM-dd 格式的有效日期）",
          "Malformed date: from=" + fromText + " (expected a valid yyyy-MM-dd date)");
    }
    PeriodKind kind = null;
    String nText = null;
    for (PeriodKind k : PeriodKind.values()) {
      String value = single(params, k.parameter(), k.rule());
      if (value != null) {
        if (kind != null) {
          throw DomainRuleException.badRequest(k.parameter(), k.rule(),
              "workingDays、days、months 只能给出一个，收到 " + kind.parameter() + " 和 " + k.parameter(),
              "Give exactly one of workingDays, days, months; got " + kind.parameter() + " and " + k.parameter());
        }
        kind = k;
        nText = value;
      }
    }
    if (kind == null) {
      throw DomainRuleException.badRequest("workingDays", "R-TIME-1",
          "须给出期限：workingDays（工作日）、days（天）或 months（月）之一",
          "Give the period: one of workingDays, days or months");
    }
    int n;
    try {
      n = Integer.parseInt(nText.strip());
    } catch (NumberFormatException e) {
      throw DomainRuleException.badRequest(kind.parameter(), kind.rule(),
          "期限须为正整数：" + kind.parameter() + "=" + nText, "The period must be a positive integer: "
              + kind.parameter() + "=" + nText);
    }
    PeriodKind k = kind;
    Deadline d = refusing(k.parameter(), () -> calendar.deadline(k, from, n));
    return new DeadlineAnswer(d.from().toString(), k.parameter(), n, d.deadline().toString(),
        d.expiresAt().toString(), d.provisional());
  }

  @AllowedRoles({Role.CASEWORKER, Role.EXPERT, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.MODELER, Role.ADMIN})
  @GetMapping("/{year}")
  CalendarService.Year year(@PathVariable("year") String year) {
    int y = parseYear(year);
    return refusing(null, () -> calendar.year(y));
  }

  @AllowedRoles({Role.ADMIN})
  @PutMapping(path = "/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
  LoadAnswer load(@PathVariable("year") String year, @RequestBody(required = false) String body,
      @RequestParam(name = "reason", required = false) String reason) {
    int y = parseYear(year);
    ArrangementLoader.Outcome outcome = refusing(null, () -> loader.loadByAdministrator(y, body, reason));
    return new LoadAnswer(outcome.change(), outcome.recomputed(), calendar.year(y));
  }

  private static int parseYear(String text) {
    try {
      int y = Integer.parseInt(text);
      CalendarService.requireYear(y);
      return y;
    } catch (NumberFormatException e) {
      throw DomainRuleException.badRequest("year", "R-TIME-1", "年份格式错误：" + text, "Malformed year: " + text);
    } catch (CalendarValidationException e) {
      throw problem(e, null);
    }
  }

  /** The one value of a query parameter, null when absent; a parameter given twice is refused. */
  private static String single(MultiValueMap<String, String> params, String name, String rule) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw DomainRuleException.badRequest(name, rule, "参数 " + name + " 重复给出", "Parameter " + name + " given twice");
    }
    String value = values.get(0);
    return value == null || value.isBlank() ? null : value;
  }

  /** Runs a calendar call, answering its validation errors as 400 problems naming field and rule. */
  private static <T> T refusing(String nField, Supplier<T> call) {
    try {
      return call.get();
    } catch (CalendarValidationException e) {
      throw problem(e, nField);
    }
  }

  private static DomainRuleException problem(CalendarValidationException e, String nField) {
    String field = nField != null && "n".equals(e.field()) ? nField : e.field();
    return DomainRuleException.badRequest(field, e.rule(), e.messageZh(), e.messageEn());
  }
}
