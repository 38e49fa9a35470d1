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

  record ProcessView(String processInstanceId, String processKey, String process, String state, Instant started,
      Instant ended) {
  }

  record StepDone(String step, String process, String assignee, String assigneeName, String endedBeijing,
      String deleteReason) {
  }

  record Decision(String what, String ruleId, Object amount, String detail) {
  }

  record LinkedCase(String caseNo, String kind, String kindZh, String relation) {
  }

  record CaseFile(String caseNo, String kind, String kindZh, String region, String status, boolean closed,
      String party, Map<String, Object> facts, Map<String, Object> institution, Map<String, Object> agreement,
      List<AuditEntry> agreementHistory, List<ProcessView> processes, List<DeadlineService.Item> openTasksAndDeadlines,
      List<StepDone> stepsDone, List<Decision> decisions, List<LinkedCase> linkedCases, List<AuditEntry> audit) {
  }

  private final CaseDirectory directory;
  private final SupervisionMapper mapper;
  private final HistoryService historyService;
  private final EngineAsApplication engine;
  private final EngineNames names;
  private final DeadlineService deadlines;
  private final RegionAccess regions;

  CaseFileService(CaseDirectory directory, SupervisionMapper mapper, HistoryService historyService,
      EngineAsApplication engine, EngineNames names, DeadlineService deadlines, RegionAccess regions) {
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
        names.definition(p.getProcessDefinitionId()).name(), p.getState(), instant(p.getStartTime()),
        instant(p.getEndTime()))).toList();
    Map<String, Object> institution = ref.institutionId() == null ? null
        : Rows.camel(mapper.institution(ref.institutionId()));
    Map<String, Object> agreement = ref.agreementId() == null ? null : Rows.camel(mapper.agreement(ref.agreementId()));
    List<AuditEntry> agreementHistory = ref.agreementId() == null ? List.of()
        : mapper.auditOfAgreement(ref.agreementId().toString());
    return new CaseFile(ref.caseNo(), ref.kind(), CaseDirectory.KIND_ZH.get(ref.kind()), ref.region(), ref.status(),
        running.isEmpty(), ref.party(), facts(ref), institution, agreement, agreementHistory, processes,
        deadlines.ofProcessInstances(running), stepsDone(pids), decisions(ref), linked(ref, pids),
        mapper.auditOfCase(ref.caseNo(), pids));
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

  private List<Decision> decisions(SupervisionMapper.CaseRef ref) {
    List<Decision> decisions = new ArrayList<>();
    Map<String, Object> f = facts(ref);
    switch (ref.kind()) {
      case "VIOLATION" -> {
        if (f.get("measureClass") != null) {
          decisions.add(new Decision(str(f.get("measureClass")), str(f.get("measureRule")), null,
              "异议结果：" + (f.get("objectionOutcome") == null ? "—" : f.get("objectionOutcome"))));
        }
        for (Map<String, Object> m : Rows.camel(mapper.violationMeasures(ref.caseNo()))) {
          decisions.add(new Decision(str(m.get("measure")), str(m.get("ruleId")), m.get("amount"), str(m.get("detail"))));
        }
      }
      case "PERSONNEL" -> decisions.add(new Decision("记分处理 " + f.get("measure") + "（" + f.get("band") + "，年度累计 "
          + f.get("total") + " 分）", "R-PERS-6", null, "状态：" + f.get("status")));
      case "OBJECTION" -> {
        if (f.get("outcome") != null) {
          decisions.add(new Decision("异议结果 " + f.get("outcome"), "R-PERS-12", null,
              str(f.get("effectiveDecision"))));
        }
      }
      case "EVALUATION" -> {
        if (f.get("grade") != null || f.get("outcome") != null) {
          decisions.add(new Decision("考核等次 " + f.get("grade") + "，结论 " + f.get("outcome"),
              f.get("ruleId") == null ? "R-EVA-1" : str(f.get("ruleId")), null, "执行：" + f.get("appliedOutcome")));
        }
      }
      case "REFERRAL" -> decisions.add(new Decision("移送 " + f.get("kind") + " 至 "
          + (f.get("receivingBody") == null ? "（待移送）" : f.get("receivingBody")), "R-VIO-11", null,
          "催办 " + f.get("reminderCount") + " 次"));
      default -> {
      }
    }
    return decisions;
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
        t.getEndTime() == null ? null : DeadlineService.beijing(t.getEndTime().toInstant()),
        t.getDeleteReason())).toList();
  }

  private static Instant instant(java.util.Date d) {
    return d == null ? null : d.toInstant();
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
