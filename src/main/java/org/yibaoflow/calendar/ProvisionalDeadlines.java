package org.yibaoflow.calendar;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.EngineExecutions;

/**
 * R-TIME-3: deadlines computed for a process while a year had no arrangement are remembered, and
 * recomputed once the year is loaded; the timer or user task still carrying the provisional date is moved
 * to the new one, and each move is audited.
 *
 * <h2>How a computation is linked to its timer job or task</h2>
 * The expression {@code ${deadlines.workingDays(10)}} gets no execution handed to it, and at the moment it
 * is evaluated the timer job or task does not exist yet (the engine evaluates the expression to create
 * it). So the link is made in two steps:
 * <ol>
 *   <li><b>At computation</b> ({@link #record}): the engine's current BPMN execution gives the process
 *   instance, the activity it is at (the user task for a due date, the intermediate timer event, or the
 *   activity a boundary timer is attached to) and the region. A row is written in the engine's own
 *   transaction, so it exists exactly when the timer or task exists.</li>
 *   <li><b>Afterwards</b> ({@link #resolveOpen}, run after every load, at start-up and by a periodic
 *   sweep): a row not linked yet is matched to the timer job or the task of its process instance whose due
 *   date is exactly the computed instant (end of day, to the millisecond), preferring the one at the
 *   recorded activity (a boundary timer counts for the activity it is attached to) and skipping any already
 *   claimed by another row; the job or task id is then stored.</li>
 * </ol>
 * Matching on the exact instant is what makes this robust: a due date computed this way is a precise
 * midnight in Asia/Shanghai, two rows with the same instant in one instance are interchangeable when they
 * come from the same call, and a timer that has fired, a completed task or a due date someone changed by
 * hand no longer carries the instant, so it is left alone (the row ends as {@code GONE}). No engine
 * internals beyond the current execution are needed (no parse listener, no job hooks).
 *
 * <p>Each row is resolved in its own transaction that first claims the row with a conditional update, so
 * two nodes (load on one, sweep on the other) never move a timer twice, and a busy job only delays its own
 * row to the next sweep.
 */
@Service
class ProvisionalDeadlines {

  private static final Logger LOG = LoggerFactory.getLogger(ProvisionalDeadlines.class);
  static final String RULE = "R-TIME-3";

  /** What one pass did. */
  record Summary(int checked, int moved, int confirmed, int gone, int stillProvisional, int failed) {

    static Summary empty() {
      return new Summary(0, 0, 0, 0, 0, 0);
    }
  }

  private enum Result { MOVED, CONFIRMED, GONE, STILL_PROVISIONAL, SKIPPED }

  private record Target(String jobId, String taskId) {
  }

  private final ProvisionalDeadlineMapper mapper;
  private final WorkingDayCalendar calendar;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final AuditService auditService;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ProvisionalDeadlines(ProvisionalDeadlineMapper mapper, WorkingDayCalendar calendar,
      ManagementService managementService, TaskService taskService, RepositoryService repositoryService,
      AuditService auditService, PlatformTransactionManager transactionManager, Clock clock) {
    this.mapper = mapper;
    this.calendar = calendar;
    this.managementService = managementService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.auditService = auditService;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * Remembers a deadline computed provisionally for the current process execution, in the engine's
   * transaction. Outside a process (e.g. a timer start event, evaluated at deployment) there is nothing to
   * move later: only logged.
   */
  void record(PeriodKind kind, int n, Deadline deadline) {
    Optional<EngineExecutions.ExecutionRef> execution = EngineExecutions.current();
    if (execution.isEmpty()) {
      LOG.warn("Provisional deadline {} {} from {} = {} computed outside a process execution: "
          + "it will not be recomputed when the year is loaded (R-TIME-3)", kind, n, deadline.from(),
          deadline.deadline());
      return;
    }
    EngineExecutions.ExecutionRef ref = execution.get();
    mapper.insert(new ProvisionalDeadline(null, kind.name(), deadline.from(), n, deadline.deadline(),
        deadline.expiresAt().atOffset(ZoneOffset.UTC), ref.tenantId(), ref.processInstanceId(),
        ref.activityId(), null, null, OffsetDateTime.now(clock), null, null, null));
    LOG.info("Provisional deadline {} {} from {} = {} for process instance {} at {} (R-TIME-3)", kind, n,
        deadline.from(), deadline.deadline(), ref.processInstanceId(), ref.activityId());
  }

  /** Safety net for loads on another node and for rows whose job was busy: every few minutes. */
  @Scheduled(fixedDelayString = "${yibao.calendar.sweep-interval:PT5M}",
      initialDelayString = "${yibao.calendar.sweep-interval:PT5M}")
  void sweep() {
    Summary summary = resolveOpen();
    if (summary.moved() + summary.gone() + summary.confirmed() + summary.failed() > 0) {
      LOG.info("Provisional deadlines sweep: {}", summary);
    }
  }

  /**
   * Recomputes every open provisional deadline with the arrangements loaded now; each in its own
   * transaction (a failure is logged and left for the next pass).
   */
  Summary resolveOpen() {
    int checked = 0;
    int moved = 0;
    int confirmed = 0;
    int gone = 0;
    int still = 0;
    int failed = 0;
    for (ProvisionalDeadline row : mapper.findOpen()) {
      checked++;
      try {
        Result result = transactions.execute(status -> resolve(row));
        switch (result) {
          case MOVED -> moved++;
          case CONFIRMED -> confirmed++;
          case GONE -> gone++;
          case STILL_PROVISIONAL -> still++;
          case SKIPPED -> { }
        }
      } catch (RuntimeException e) {
        failed++;
        LOG.warn("Provisional deadline {} of process instance {} not recomputed now, next sweep retries: {}",
            row.id(), row.processInstanceId(), e.toString());
      }
    }
    return new Summary(checked, moved, confirmed, gone, still, failed);
  }

  private Result resolve(ProvisionalDeadline row) {
    Deadline now = row.periodKind().apply(calendar, row.fromDate(), row.n());
    boolean linked = row.jobId() != null || row.taskId() != null;
    if (linked && now.provisional() && now.deadline().equals(row.deadline())) {
      return Result.STILL_PROVISIONAL; // nothing loaded that matters yet: no engine queries
    }
    Optional<Target> target = target(row);
    if (target.isEmpty()) {
      // the timer fired, the task was completed, or someone set another date by hand: nothing to move
      return claim(row, ProvisionalDeadline.GONE, now) ? Result.GONE : Result.SKIPPED;
    }
    Target t = target.get();
    if (!linked) {
      mapper.link(row.id(), t.jobId(), t.taskId());
    }
    boolean changed = !now.deadline().equals(row.deadline());
    if (!changed) {
      if (now.provisional()) {
        return Result.STILL_PROVISIONAL;
      }
      return claim(row, ProvisionalDeadline.CONFIRMED, now) ? Result.CONFIRMED : Result.SKIPPED;
    }
    boolean claimed = now.provisional()
        ? mapper.moveOpen(row.id(), row.deadline(), now.deadline(), now.expiresAt().atOffset(ZoneOffset.UTC)) == 1
        : claim(row, ProvisionalDeadline.MOVED, now);
    if (!claimed) {
      return Result.SKIPPED;
    }
    Date newDue = Date.from(now.expiresAt());
    if (t.jobId() != null) {
      managementService.setJobDuedate(t.jobId(), newDue);
    } else {
      taskService.setDueDate(t.taskId(), newDue);
    }
    auditMove(row, t, now);
    return now.provisional() ? Result.STILL_PROVISIONAL : Result.MOVED;
  }

  private boolean claim(ProvisionalDeadline row, String outcome, Deadline now) {
    return mapper.resolve(row.id(), row.deadline(), outcome, now.deadline(), OffsetDateTime.now(clock)) == 1;
  }

  private void auditMove(ProvisionalDeadline row, Target t, Deadline now) {
    String what = t.jobId() != null ? "定时器" : "任务到期日";
    String whatEn = t.jobId() != null ? "timer" : "task due date";
    String reason = "节假日安排已载入，按正式安排重新计算临时期限（" + what + "，" + row.periodKind().parameter() + " "
        + row.n() + "，自 " + row.fromDate() + " 起算）：" + row.deadline() + " → " + now.deadline()
        + (now.provisional() ? "（仍有年份未载入，仍为临时期限）" : "")
        + " / holiday arrangement loaded: provisional " + whatEn + " recomputed";
    String details = "provisionalDeadlineId=" + row.id() + "; kind=" + row.kind() + "; n=" + row.n() + "; from="
        + row.fromDate() + "; activity=" + row.activityId() + "; expiresAt " + row.expiresAt().toInstant() + " -> "
        + now.expiresAt() + "; stillProvisional=" + now.provisional();
    auditService.record(AuditEntry.of(row.region(), t.jobId() != null ? "TIMER_JOB" : "USER_TASK",
        t.jobId() != null ? t.jobId() : t.taskId(), "DEADLINE_RECOMPUTED", row.deadline().toString(),
        now.deadline().toString(), RULE, reason, row.processInstanceId(), details));
  }

  /** The linked job or task if it still carries the row's date, else the best unclaimed match. */
  private Optional<Target> target(ProvisionalDeadline row) {
    long due = WorkingDayCalendar.expiresAt(row.deadline()).toEpochMilli();
    if (row.jobId() != null) {
      Job job = managementService.createJobQuery().jobId(row.jobId()).singleResult();
      return job != null && job.getDuedate() != null && job.getDuedate().getTime() == due
          ? Optional.of(new Target(job.getId(), null)) : Optional.empty();
    }
    if (row.taskId() != null) {
      Task task = taskService.createTaskQuery().taskId(row.taskId()).singleResult();
      return task != null && task.getDueDate() != null && task.getDueDate().getTime() == due
          ? Optional.of(new Target(null, task.getId())) : Optional.empty();
    }
    List<Target> preferred = new ArrayList<>();
    List<Target> others = new ArrayList<>();
    for (Job job : managementService.createJobQuery().processInstanceId(row.processInstanceId()).timers().list()) {
      if (job.getDuedate() != null && job.getDuedate().getTime() == due
          && mapper.countLinked(job.getId(), null, row.id()) == 0) {
        (atActivity(job, row.activityId()) ? preferred : others).add(new Target(job.getId(), null));
      }
    }
    for (Task task : taskService.createTaskQuery().processInstanceId(row.processInstanceId()).list()) {
      if (task.getDueDate() != null && task.getDueDate().getTime() == due
          && mapper.countLinked(null, task.getId(), row.id()) == 0) {
        (task.getTaskDefinitionKey().equals(row.activityId()) ? preferred : others)
            .add(new Target(null, task.getId()));
      }
    }
    return preferred.stream().findFirst().or(() -> others.stream().findFirst());
  }

  /** The job's timer event is the recorded activity, or a boundary event attached to it. */
  private boolean atActivity(Job job, String activityId) {
    if (activityId == null || job.getJobDefinitionId() == null) {
      return false;
    }
    JobDefinition definition = managementService.createJobDefinitionQuery()
        .jobDefinitionId(job.getJobDefinitionId()).singleResult();
    if (definition == null) {
      return false;
    }
    if (activityId.equals(definition.getActivityId())) {
      return true;
    }
    ModelElementInstance element = repositoryService.getBpmnModelInstance(job.getProcessDefinitionId())
        .getModelElementById(definition.getActivityId());
    if (element instanceof BoundaryEvent boundary) {
      Activity host = boundary.getAttachedTo();
      return host != null && activityId.equals(host.getId());
    }
    return false;
  }
}
