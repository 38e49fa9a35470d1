package org.yibaoflow.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.yibaoflow.calendar.WorkingDayCalendar;

/**
 * For SupervisionBenchmark only: the overview's engine figures as they were computed before issue 16's fix, by
 * loading every open task and timer of the region through the engine API and grouping them in Java, plus one count
 * per process and two per month. The benchmark runs it beside OverviewService's grouped SQL on the same data and
 * checks both give the same figures.
 */
final class InMemoryOverviewBaseline {

  record Figures(long openCases, List<OverviewService.ProcessCount> processes, List<OverviewService.Month> months,
      Map<String, long[]> workload) {
  }

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final HistoryService historyService;
  private final EngineNames names;
  private final Clock clock;

  InMemoryOverviewBaseline(TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
      RepositoryService repositoryService, HistoryService historyService, EngineNames names, Clock clock) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.historyService = historyService;
    this.names = names;
    this.clock = clock;
  }

  Figures figures(List<String> regions) {
    String[] tenants = regions.toArray(String[]::new);
    List<Task> tasks = taskService.createTaskQuery().tenantIdIn(tenants).list();
    long openCases = runtimeService.createProcessInstanceQuery().tenantIdIn(tenants).rootProcessInstances().count();
    return new Figures(openCases, steps(tasks, tenants),
        months(tenants, LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE))), workload(tasks));
  }

  private List<OverviewService.ProcessCount> steps(List<Task> tasks, String[] tenants) {
    Map<String, Map<String, Long>> byProcess = new TreeMap<>();
    Map<String, String> processNames = new TreeMap<>();
    for (Task t : tasks) {
      EngineNames.Definition d = names.definition(t.getProcessDefinitionId());
      processNames.put(d.key(), d.name());
      byProcess.computeIfAbsent(d.key(), k -> new TreeMap<>()).merge(t.getName(), 1L, Long::sum);
    }
    for (Job j : managementService.createJobQuery().timers().tenantIdIn(tenants).list()) {
      EngineNames.Definition d = names.definition(j.getProcessDefinitionId());
      processNames.put(d.key(), d.name());
      String step = "期限：" + names.activity(j.getProcessDefinitionId(), names.jobActivity(j.getJobDefinitionId()));
      byProcess.computeIfAbsent(d.key(), k -> new TreeMap<>()).merge(step, 1L, Long::sum);
    }
    for (ProcessDefinition d : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      processNames.putIfAbsent(d.getKey(), d.getName() != null ? d.getName() : d.getKey());
    }
    List<OverviewService.ProcessCount> result = new ArrayList<>();
    for (Map.Entry<String, String> p : processNames.entrySet()) {
      long open = runtimeService.createProcessInstanceQuery().tenantIdIn(tenants).processDefinitionKey(p.getKey())
          .count();
      if (open > 0) {
        result.add(new OverviewService.ProcessCount(p.getKey(), p.getValue(), open,
            byProcess.getOrDefault(p.getKey(), Map.of()).entrySet().stream()
                .map(e -> new OverviewService.StepCount(p.getKey(), p.getValue(), e.getKey(), e.getValue())).toList()));
      }
    }
    return result;
  }

  private List<OverviewService.Month> months(String[] tenants, LocalDate today) {
    List<OverviewService.Month> months = new ArrayList<>();
    YearMonth current = YearMonth.from(today);
    for (int i = OverviewService.MONTHS - 1; i >= 0; i--) {
      YearMonth m = current.minusMonths(i);
      Date from = Date.from(m.atDay(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
      Date to = Date.from(m.plusMonths(1).atDay(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
      months.add(new OverviewService.Month(m.toString(),
          historyService.createHistoricProcessInstanceQuery().tenantIdIn(tenants).rootProcessInstances()
              .startedAfter(from).startedBefore(to).count(),
          historyService.createHistoricProcessInstanceQuery().tenantIdIn(tenants).rootProcessInstances()
              .finishedAfter(from).finishedBefore(to).count()));
    }
    return months;
  }

  private Map<String, long[]> workload(List<Task> tasks) {
    Date now = Date.from(clock.instant());
    Map<String, long[]> counts = new TreeMap<>();
    for (Task t : tasks) {
      long[] c = counts.computeIfAbsent(t.getAssignee() == null ? "" : t.getAssignee(), k -> new long[2]);
      c[0]++;
      if (t.getDueDate() != null && t.getDueDate().before(now)) {
        c[1]++;
      }
    }
    return counts;
  }
}
