package org.yibaoflow.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.yibaoflow.calendar.WorkingDayCalendar;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.Role;

/**
 * What falls due within N working days and what is overdue, across the user tasks' due dates and the processes'
 * own deadlines: the timers of document production (R-VIO-7), objection windows (R-PERS-12), rectification periods
 * (R-VIO-2), designation evaluation time limits (R-DES-1/2), public notices (R-DES-3), evaluation scoring (R-EVA-1),
 * referral reminders (R-VIO-11) and personnel suspensions (R-PERS-7). The engine is asked for the user's regions
 * only (tenant ids), as the application: the region scope is this service's, not the engine authorizations'.
 */
@Service
class DeadlineService {

  static final int MAX_WORKING_DAYS = 60;
  static final int LIST_LIMIT = 300;
  static final int MAX_LIST_LIMIT = 1000;

  /** A deadline as the page shows it; {@code dueBeijing} is the moment in Beijing time. */
  record Item(String kind, String kindZh, String ruleId, String caseNo, String caseKind, String region,
      String institution, String process, String step, String assignee, String assigneeName, Instant due,
      String dueBeijing, boolean overdue, String taskId, String jobId) {
  }

  record Deadlines(int withinWorkingDays, Instant horizon, String horizonBeijing, long overdueCount, long dueSoonCount,
      boolean truncated, List<Item> items) {
  }

  /** Process deadlines by the process that holds the timer: what it is and its rule. */
  private record TimerKind(String kindZh, String ruleId) {
  }

  private static final Map<String, TimerKind> TIMER_KINDS = Map.of(
      "document-production", new TimerKind("资料提供期限", "R-VIO-7"),
      "objection", new TimerKind("异议期", "R-PERS-12"),
      "rectification", new TimerKind("整改期限", "R-VIO-2"),
      "designation", new TimerKind("评估时限", "R-DES-2"),
      "public-notice", new TimerKind("公示期", "R-DES-3"),
      "annual-evaluation", new TimerKind("考核期限", "R-EVA-1"),
      "referral", new TimerKind("移送催办", "R-VIO-11"),
      "personnel-scoring", new TimerKind("中止期满", "R-PERS-7"));

  /**
   * A moment in Beijing time as people write a deadline: a period ends at the end of its last day (R-TIME-1), so
   * 00:00 is shown as 24:00 of the day before ("2026年12月14日 24:00", not "2026年12月15日 00:00"); other moments as
   * the case file shows them (Labels.time).
   */
  static String beijing(Instant instant) {
    var t = instant.atZone(WorkingDayCalendar.ZONE);
    if (t.getHour() == 0 && t.getMinute() == 0) {
      return Labels.date(t.toLocalDate().minusDays(1)) + " 24:00";
    }
    return Labels.time(instant);
  }

  private final TaskService taskService;
  private final ManagementService managementService;
  private final EngineAsApplication engine;
  private final EngineNames names;
  private final CaseDirectory directory;
  private final SupervisionMapper mapper;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  DeadlineService(TaskService taskService, ManagementService managementService, EngineAsApplication engine,
      EngineNames names, CaseDirectory directory, SupervisionMapper mapper, WorkingDayCalendar calendar, Clock clock) {
    this.mapper = mapper;
    this.taskService = taskService;
    this.managementService = managementService;
    this.engine = engine;
    this.names = names;
    this.directory = directory;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The end of the N-th working day after today (R-TIME-1): what is due before it is listed. */
  Instant horizon(int withinWorkingDays) {
    if (withinWorkingDays < 0 || withinWorkingDays > MAX_WORKING_DAYS) {
      throw DomainRuleException.badRequest("withinWorkingDays", "R-TIME-1",
          "工作日数须在 0 至 " + MAX_WORKING_DAYS + " 之间", "withinWorkingDays must be 0.." + MAX_WORKING_DAYS);
    }
    LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    return withinWorkingDays == 0 ? WorkingDayCalendar.expiresAt(today)
        : calendar.addWorkingDays(today, withinWorkingDays).expiresAt();
  }

  Deadlines deadlines(List<String> regions, int withinWorkingDays) {
    return deadlines(regions, withinWorkingDays, LIST_LIMIT);
  }

  /** At most {@code limit} items, soonest first; the counts are of all. */
  Deadlines deadlines(List<String> regions, int withinWorkingDays, int limit) {
    if (limit < 1 || limit > MAX_LIST_LIMIT) {
      throw DomainRuleException.badRequest("limit", "INPUT", "条数须在 1 至 " + MAX_LIST_LIMIT + " 之间",
          "limit must be 1.." + MAX_LIST_LIMIT);
    }
    Instant horizon = horizon(withinWorkingDays);
    if (regions.isEmpty()) {
      return new Deadlines(withinWorkingDays, horizon, beijing(horizon), 0, 0, false, List.of());
    }
    Date now = Date.from(clock.instant());
    // due dates are the end of their day (next day 00:00, R-TIME-1): one due exactly at the horizon is within it
    Date until = Date.from(horizon.plusSeconds(1));
    String[] tenants = regions.toArray(String[]::new);
    return engine.call(() -> {
      long overdue = taskService.createTaskQuery().tenantIdIn(tenants).dueBefore(now).count()
          + managementService.createJobQuery().timers().tenantIdIn(tenants).duedateLowerThan(now).count();
      long all = taskService.createTaskQuery().tenantIdIn(tenants).dueBefore(until).count()
          + managementService.createJobQuery().timers().tenantIdIn(tenants).duedateLowerThan(until).count();
      List<Task> tasks = taskService.createTaskQuery().tenantIdIn(tenants).dueBefore(until)
          .orderByDueDate().asc().listPage(0, limit);
      List<Job> timers = managementService.createJobQuery().timers().tenantIdIn(tenants)
          .duedateLowerThan(until).orderByJobDuedate().asc().listPage(0, limit);
      List<Item> items = new ArrayList<>(items(tasks, timers, now.toInstant()));
      items.sort(Comparator.comparing(Item::due).thenComparing(i -> i.caseNo() == null ? "" : i.caseNo()));
      List<Item> shown = items.size() > limit ? items.subList(0, limit) : items;
      return new Deadlines(withinWorkingDays, horizon, beijing(horizon), overdue, all - overdue,
          all > shown.size(), shown);
    });
  }

  /** The running deadlines of given process instances (the case file), overdue or not. */
  List<Item> ofProcessInstances(List<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    return engine.call(() -> {
      List<Task> tasks = taskService.createTaskQuery().processInstanceIdIn(processInstanceIds.toArray(String[]::new))
          .orderByDueDate().asc().list();
      List<Job> timers = new ArrayList<>();
      processInstanceIds.forEach(pi -> timers.addAll(managementService.createJobQuery().timers()
          .processInstanceId(pi).list()));
      List<Item> items = new ArrayList<>(items(tasks, timers, clock.instant()));
      items.sort(Comparator.comparing(Item::due, Comparator.nullsLast(Comparator.naturalOrder())));
      return items;
    });
  }

  private List<Item> items(List<Task> tasks, List<Job> timers, Instant now) {
    Set<String> pis = new HashSet<>();
    tasks.forEach(t -> pis.add(t.getProcessInstanceId()));
    timers.forEach(j -> pis.add(j.getProcessInstanceId()));
    Map<String, String> keys = names.businessKeys(pis);
    Map<String, SupervisionMapper.CaseRef> cases = directory.find(keys.values());
    Map<String, String> userNames = names.userNames(tasks.stream().map(Task::getAssignee).toList());
    Map<String, String> activityOfDefinition = jobActivities(timers);
    Map<String, String> unclaimed = candidates(tasks.stream().filter(t -> t.getAssignee() == null)
        .map(Task::getId).toList());
    List<Item> items = new ArrayList<>();
    for (Task t : tasks) {
      String caseNo = keys.get(t.getProcessInstanceId());
      SupervisionMapper.CaseRef ref = cases.get(caseNo);
      Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
      String assigneeName = t.getAssignee() != null ? userNames.get(t.getAssignee()) : unclaimed.get(t.getId());
      items.add(new Item("TASK", "办理期限", null, caseNo, ref == null ? null : ref.kind(), t.getTenantId(),
          ref == null ? null : ref.party(), names.definition(t.getProcessDefinitionId()).name(), t.getName(),
          t.getAssignee(), assigneeName, due, due == null ? null : beijing(due),
          due != null && due.isBefore(now), t.getId(), null));
    }
    for (Job j : timers) {
      String caseNo = keys.get(j.getProcessInstanceId());
      SupervisionMapper.CaseRef ref = cases.get(caseNo);
      TimerKind kind = TIMER_KINDS.getOrDefault(j.getProcessDefinitionKey(), new TimerKind("流程期限", null));
      Instant due = j.getDuedate().toInstant();
      items.add(new Item("TIMER", kind.kindZh(), kind.ruleId(), caseNo, ref == null ? null : ref.kind(),
          j.getTenantId(), ref == null ? null : ref.party(), names.definition(j.getProcessDefinitionId()).name(),
          names.activity(j.getProcessDefinitionId(), activityOfDefinition.get(j.getJobDefinitionId())), null,
          "系统（到期自动处理）", due, beijing(due), due.isBefore(now), null, j.getId()));
    }
    return items;
  }

  /** The activity of each timer's job definition. */
  private Map<String, String> jobActivities(List<Job> timers) {
    Map<String, String> activities = new HashMap<>();
    timers.forEach(j -> activities.computeIfAbsent(j.getJobDefinitionId(), names::jobActivity));
    return activities;
  }

  /** "待认领（经办人员）" for each unclaimed task: its candidate groups as roles, read in one query. */
  private Map<String, String> candidates(List<String> taskIds) {
    Map<String, List<String>> groups = new HashMap<>();
    taskIds.forEach(id -> groups.put(id, new ArrayList<>()));
    if (!taskIds.isEmpty()) {
      mapper.candidateGroups(taskIds).forEach(c -> groups.get(c.taskId())
          .add(Role.ofGroup(c.groupId()).map(Role::nameZh).orElse(c.groupId())));
    }
    Map<String, String> shown = new HashMap<>();
    groups.forEach((id, g) -> shown.put(id, "待认领（" + (g.isEmpty() ? "未指定" : String.join("、", g)) + "）"));
    return shown;
  }
}
