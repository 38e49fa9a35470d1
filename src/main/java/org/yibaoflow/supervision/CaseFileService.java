package org.yibaoflow.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;
import org.yibaoflow.platform.RegionAccess;

/**
 * The case file (案卷) of any kind of case, open or closed: its facts, parties, agreement and the agreement's state
 * history, the processes it ran (from the history service, so closed cases keep theirs), open tasks and running
 * deadlines, steps done, decisions and measures with their rules, linked cases and the audit trail. A case of
 * another region answers 404.
 */
@Service
class CaseFileService {

  record ProcessView(String processInstanceId, String processKey, String process, String state, String stateZh,
      Instant started, Instant ended, String startedBeijing, String endedBeijing) {
  }

  record StepDone(String step, String process, String assignee, String assigneeName, String endedBeijing,
      String deleteReason) {
  }

  /** A decision or measure: {@code code} for dashboards, {@code what} as users read it. */
  record Decision(String code, String what, String ruleId, Object amount, String detail) {
  }

  /** An audit entry as users read it: what it is about, the states in Chinese, who (by name) and when. */
  record AuditView(String entityType, String action, String fromState, String toState, String subjectZh,
      String fromStateZh, String toStateZh, String ruleId, String reasonZh, String actor, String actorName,
      String occurredBeijing) {
  }

  record LinkedCase(String caseNo, String kind, String kindZh, String relation) {
  }

  /**
   * The case file. The codes (kind, region, status, the rows in facts, institution and agreement) are there for an
   * agency's dashboards; the page shows only what is in Chinese: kindZh, regionZh, statusZh, the *Facts lists and the
   * display fields of the rest.
   */
  record CaseFile(String caseNo, String kind, String kindZh, String region, String regionZh, String status,
      String statusZh, boolean closed, String party, Map<String, Object> facts, List<Labels.Fact> caseFacts,
      Map<String, Object> institution, List<Labels.Fact> institutionFacts, Map<String, Object> agreement,
      List<Labels.Fact> agreementFacts, List<AuditView> agreementHistory, List<ProcessView> processes,
      List<DeadlineService.Item> openTasksAndDeadlines, List<StepDone> stepsDone, List<Decision> decisions,
      List<LinkedCase> linkedCases, List<AuditView> audit) {
  }

  private final CaseDirectory directory;
  private final SupervisionMapper mapper;
  private final HistoryService historyService;
  private final EngineAsApplication engine;
  private final EngineNames names;
  private final DeadlineService deadlines;
  private final RegionAccess regions;
  private final Labels labels;

  CaseFileService(CaseDirectory directory, SupervisionMapper mapper, HistoryService historyService,
      EngineAsApplication engine, EngineNames names, DeadlineService deadlines, RegionAccess regions, Labels labels) {
    this.labels = labels;
    this.directory = directory;
    this.mapper = mapper;
    this.historyService = historyService;
    this.engine = engine;
    this.names = names;
    this.deadlines = deadlines;
    this.regions = regions;
  }

  @Transactional(readOnly = true)
  public CaseFile caseFile(String caseNo) {
    SupervisionMapper.CaseRef ref = caseNo == null ? null : directory.find(caseNo.trim());
    if (ref == null || !regions.canSee(ref.region())) {
      throw DomainRuleException.notFound("案卷 / case", caseNo);
    }
    List<HistoricProcessInstance> instances = engine.call(() -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(ref.caseNo()).tenantIdIn(ref.region()).orderByProcessInstanceStartTime().asc()
        .list());
    List<String> pids = instances.stream().map(HistoricProcessInstance::getId).toList();
    List<String> running = instances.stream().filter(p -> p.getEndTime() == null)
        .map(HistoricProcessInstance::getId).toList();
    List<ProcessView> processes = instances.stream().map(p -> new ProcessView(p.getId(), p.getProcessDefinitionKey(),
        names.definition(p.getProcessDefinitionId()).name(), p.getState(), CodeNames.processState(p.getState()),
        instant(p.getStartTime()), instant(p.getEndTime()), Labels.time(instant(p.getStartTime())),
        Labels.time(instant(p.getEndTime())))).toList();
    Map<String, Object> institution = ref.institutionId() == null ? null
        : Rows.camel(mapper.institution(ref.institutionId()));
    Map<String, Object> agreement = ref.agreementId() == null ? null : Rows.camel(mapper.agreement(ref.agreementId()));
    List<AuditEntry> agreementHistory = ref.agreementId() == null ? List.of()
        : mapper.auditOfAgreement(ref.agreementId().toString());
    Map<String, Object> facts = facts(ref);
    return new CaseFile(ref.caseNo(), ref.kind(), CaseDirectory.KIND_ZH.get(ref.kind()), ref.region(),
        labels.region(ref.region()), ref.status(), CodeNames.status(ref.kind(), ref.status()), running.isEmpty(),
        ref.party(), facts, labels.facts(ref.kind(), facts), institution, labels.facts("INSTITUTION", institution),
        agreement, labels.facts("AGREEMENT", agreement), audit(agreementHistory), processes,
        deadlines.ofProcessInstances(running), stepsDone(pids), decisions(ref, facts), linked(ref, pids),
        audit(mapper.auditOfCase(ref.caseNo(), pids)));
  }

  private List<AuditView> audit(List<AuditEntry> entries) {
    Map<String, String> actors = names.userNames(entries.stream().map(AuditEntry::actor).toList());
    return entries.stream().map(a -> new AuditView(a.entityType(), a.action(), a.fromState(), a.toState(),
        CodeNames.entity(a.entityType()),
        CodeNames.state(a.entityType(), a.fromState()), CodeNames.state(a.entityType(), a.toState()), a.ruleId(),
        labels.reason(a.reason()), a.actor(), a.actor() == null || AuditService.SYSTEM.equals(a.actor()) ? "系统"
            : actors.get(a.actor()),
        Labels.time(a.occurredAt()))).toList();
  }

  private Map<String, Object> facts(SupervisionMapper.CaseRef ref) {
    Map<String, Object> row = switch (ref.kind()) {
      case "VIOLATION" -> mapper.violationCase(ref.caseNo());
      case "DESIGNATION" -> mapper.designationApplication(ref.caseNo());
      case "OBJECTION" -> mapper.objection(ref.caseNo());
      case "REFERRAL" -> mapper.referral(ref.caseNo());
      case "PERSONNEL" -> mapper.personnelMeasure(ref.caseNo());
      case "EVALUATION" -> mapper.evaluationItem(ref.caseNo());
      default -> null;
    };
    return row == null ? Map.of() : Rows.camel(row);
  }

  private List<Decision> decisions(SupervisionMapper.CaseRef ref, Map<String, Object> f) {
    List<Decision> decisions = new ArrayList<>();
    switch (ref.kind()) {
      case "VIOLATION" -> {
        if (f.get("measureClass") != null) {
          decisions.add(new Decision(str(f.get("measureClass")), CodeNames.code(str(f.get("measureClass"))),
              str(f.get("measureRule")), null, "异议结果：" + (f.get("objectionOutcome") == null ? "—"
                  : CodeNames.code(str(f.get("objectionOutcome"))))));
        }
        for (Map<String, Object> m : Rows.camel(mapper.violationMeasures(ref.caseNo()))) {
          decisions.add(new Decision(str(m.get("measure")), CodeNames.code(str(m.get("measure"))), str(m.get("ruleId")),
              m.get("amount"), labels.reason(str(m.get("detail")))));
        }
      }
      // R-PERS-6: the band the year's points reached and its measure
      case "PERSONNEL" -> decisions.add(new Decision(str(f.get("measure")), "记分处理："
          + CodeNames.code(str(f.get("measure"))) + "（" + f.get("band") + " 分档，年度累计 " + f.get("total") + " 分）",
          "R-PERS-6", null, "状态：" + CodeNames.status("PERSONNEL", str(f.get("status")))));
      // R-PERS-12: the objection's outcome and the decision that took effect
      case "OBJECTION" -> {
        if (f.get("outcome") != null) {
          decisions.add(new Decision(str(f.get("outcome")), "异议结果：" + CodeNames.code(str(f.get("outcome"))),
              "R-PERS-12", null, labels.reason(str(f.get("effectiveDecision")))));
        }
      }
      // R-EVA-1..5: the grade, the decision on the agreement and what was done
      case "EVALUATION" -> {
        if (f.get("grade") != null || f.get("outcome") != null) {
          decisions.add(new Decision(str(f.get("outcome")), "考核等次：" + orDash(CodeNames.code(str(f.get("grade"))))
              + "，结论：" + orDash(CodeNames.code(str(f.get("outcome")))),
              f.get("ruleId") == null ? "R-EVA-1" : str(f.get("ruleId")), null,
              "执行结果：" + orDash(CodeNames.code(str(f.get("appliedOutcome"))))));
        }
      }
      // R-VIO-11: to whom the case went, and how often it was chased
      case "REFERRAL" -> decisions.add(new Decision(str(f.get("kind")), "移送" + CodeNames.code(str(f.get("kind")))
          + (f.get("receivingBody") == null ? "（待移送）" : "：" + f.get("receivingBody")), "R-VIO-11", null,
          "催办 " + f.get("reminderCount") + " 次"));
      default -> {
      }
    }
    return decisions;
  }

  private static String orDash(String s) {
    return s == null ? "—" : s;
  }

  /** Called and calling processes with another case number, cases about this one, and the case this one is about. */
  private List<LinkedCase> linked(SupervisionMapper.CaseRef ref, List<String> pids) {
    Map<String, String> relation = new LinkedHashMap<>();
    engine.run(() -> {
      for (String pid : pids) {
        for (HistoricProcessInstance sub : historyService.createHistoricProcessInstanceQuery()
            .superProcessInstanceId(pid).list()) {
          relation.putIfAbsent(sub.getBusinessKey(), "由本案发起");
        }
        HistoricProcessInstance p = historyService.createHistoricProcessInstanceQuery().processInstanceId(pid)
            .singleResult();
        if (p != null && p.getSuperProcessInstanceId() != null) {
          HistoricProcessInstance parent = historyService.createHistoricProcessInstanceQuery()
              .processInstanceId(p.getSuperProcessInstanceId()).singleResult();
          if (parent != null) {
            relation.putIfAbsent(parent.getBusinessKey(), "上级案件");
          }
        }
      }
    });
    mapper.casesAbout(ref.caseNo()).forEach(n -> relation.putIfAbsent(n, "针对本案"));
    Object subject = facts(ref).get("subjectRef");
    if (subject != null) {
      relation.putIfAbsent(subject.toString(), "所涉案件");
    }
    relation.remove(ref.caseNo());
    relation.remove(null);
    Map<String, SupervisionMapper.CaseRef> found = directory.find(relation.keySet());
    List<LinkedCase> linked = new ArrayList<>();
    relation.forEach((no, rel) -> {
      SupervisionMapper.CaseRef r = found.get(no);
      if (r != null && regions.canSee(r.region())) {
        linked.add(new LinkedCase(no, r.kind(), CaseDirectory.KIND_ZH.get(r.kind()), rel));
      }
    });
    return linked;
  }

  private List<StepDone> stepsDone(List<String> pids) {
    if (pids.isEmpty()) {
      return List.of();
    }
    List<HistoricTaskInstance> done = new ArrayList<>();
    engine.run(() -> pids.forEach(pid -> done.addAll(historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(pid).finished().orderByHistoricActivityInstanceStartTime().asc().list())));
    Set<String> users = new LinkedHashSet<>();
    done.forEach(t -> users.add(t.getAssignee()));
    Map<String, String> userNames = names.userNames(users);
    return done.stream().map(t -> new StepDone(t.getName(), names.definition(t.getProcessDefinitionId()).name(),
        t.getAssignee(), t.getAssignee() == null ? null : userNames.get(t.getAssignee()),
        t.getEndTime() == null ? null : Labels.time(t.getEndTime().toInstant()),
        t.getDeleteReason())).toList();
  }

  private static Instant instant(java.util.Date d) {
    return d == null ? null : d.toInstant();
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
