package org.yibaoflow.personnel;

import static org.yibaoflow.personnel.PersonnelMeasureService.CASE_PREFIX;
import static org.yibaoflow.personnel.PersonnelMeasureService.ENTITY;
import static org.yibaoflow.personnel.PersonnelMeasureService.MESSAGE_TEST_FAILED;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibaoflow.personnel.PersonnelRuleSets.RuleSet;
import org.yibaoflow.platform.AuditEntry;
import org.yibaoflow.platform.AuditService;
import org.yibaoflow.platform.CaseNumbers;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.EngineAsApplication;

/** The yearly test of qualified personnel (年度测试, R-PERS-2, 004 §三(三)): exam form by age, results, failing. */
@Service
public class PersonnelTestService {

  private final MeasureMapper mapper;
  private final PersonnelService personnel;
  private final PersonnelRuleSets ruleSets;
  private final CaseNumbers caseNumbers;
  private final RuntimeService runtime;
  private final EngineAsApplication engine;
  private final AuditService audit;
  private final Clock clock;

  PersonnelTestService(MeasureMapper mapper, PersonnelService personnel, PersonnelRuleSets ruleSets,
      CaseNumbers caseNumbers, RuntimeService runtime,
      EngineAsApplication engine, AuditService audit, Clock clock) {
    this.mapper = mapper;
    this.personnel = personnel;
    this.ruleSets = ruleSets;
    this.caseNumbers = caseNumbers;
    this.runtime = runtime;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
  }

  /** The exam form by age on the test date: closed book under 50, open book from 50 [004 §三(三)]. */
  static String examForm(LocalDate birthDate, LocalDate testedOn) {
    return Period.between(birthDate, testedOn).getYears() >= 50 ? PersonTest.OPEN_BOOK : PersonTest.CLOSED_BOOK;
  }

  /**
   * The answer to a test result: the test, the failed test's measure case and its status (DECIDED, NOTIFIED,
   * TERMINATED, REVOKED), and the bar once the process terminated the person's agreements (R-PERS-2).
   */
  public record TestResult(PersonTest test, LocalDate barUntil, String caseNo, String caseStatus) {
  }

  /**
   * Records a yearly test result (R-PERS-2), audited. The record changes no agreement: a failed test opens a
   * measure case (FAILED_TEST, DECIDED) and starts personnel-scoring at its message start event (年度测试未合格)
   * with the case number as business key. The process serves the written notice on the person's institutions,
   * waits for the objection window (R-PERS-12, 10 working days) and only then terminates the agreements at all
   * sites with the bar of personnel-failed-test-bar years from the termination ({@link
   * PersonnelMeasureEffects#terminate}), then checks the share of each site (R-PERS-10); a revoked or changed
   * decision terminates nothing. The same person and test date twice records once (answers the first result)
   * and starts nothing.
   */
  @Transactional
  public Recorded<TestResult> recordTest(String nationalCode, LocalDate testedOn, Boolean passed, Integer score,
      String reason) {
    Person p = personnel.visibleByCode(nationalCode);
    if (testedOn == null || testedOn.isAfter(LocalDate.now(clock))) {
      throw DomainRuleException.badRequest("testedOn", "R-PERS-2", "须给出测试日期（不晚于今天）",
          "testedOn is required and must not be in the future");
    }
    if (passed == null) {
      throw DomainRuleException.badRequest("passed", "R-PERS-2", "须给出测试是否合格", "passed is required");
    }
    if (score != null && (score < 0 || score > 100)) {
      throw DomainRuleException.badRequest("score", "R-PERS-2", "成绩须在 0-100 之间", "score must be 0..100");
    }
    DomainRuleException.requireText(reason, "reason", "理由", "reason");
    PersonTest earlier = mapper.findTest(p.id(), testedOn);
    if (earlier != null) {
      return new Recorded<>(testResult(p, earlier), false);
    }
    PersonTest test = new PersonTest(null, p.id(), testedOn, examForm(p.birthDate(), testedOn),
        Period.between(p.birthDate(), testedOn).getYears(), passed, score, OffsetDateTime.now(clock));
    mapper.insertTest(test);
    audit.record(AuditEntry.of(p.region(), PersonnelService.ENTITY, p.id().toString(), "TEST_RECORDED", null, null,
        "R-PERS-2", reason.trim(), null, "testedOn=" + testedOn + ", form=" + test.examForm() + ", passed=" + passed
            + ", score=" + score));
    if (!passed) {
      String caseNo = caseNumbers.next(CASE_PREFIX, p.region());
      RuleSet ruleSet = ruleSets.of(p.region());
      mapper.insert(new PersonnelMeasure(null, caseNo, p.region(), p.id(), null, ruleSet.key(), testedOn.getYear(), 0,
          "TEST", PersonnelMeasure.FAILED_TEST, false, PersonnelMeasure.DECIDED, null, null, null, null, null, null,
          null, null, null, null, OffsetDateTime.now(clock)));
      String pi = startProcess(p, caseNo, ruleSet, testedOn.getYear());
      audit.record(AuditEntry.of(p.region(), ENTITY, caseNo, "MEASURE_DECIDED", null, PersonnelMeasure.DECIDED,
          "R-PERS-2", "年度测试 " + testedOn + " 未合格，拟解除服务协议，书面通知所在单位并经异议程序后执行（R-PERS-12） / "
              + "failed yearly test: termination proposed, executed by the process after notice and objection window",
          pi, "personId=" + p.id() + ", testedOn=" + testedOn));
    }
    return new Recorded<>(testResult(p, mapper.findTest(p.id(), testedOn)), true);
  }

  /**
   * Starts personnel-scoring at its message start event (年度测试未合格) with the failed test's case as business
   * key, in the test's transaction; the notice runs as a job (asyncBefore).
   */
  private String startProcess(Person p, String caseNo, RuleSet ruleSet, int testYear) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("region", p.region());
    variables.put("caseNo", caseNo);
    variables.put("nationalCode", p.nationalCode());
    variables.put("personName", p.name());
    variables.put("measure", PersonnelMeasure.FAILED_TEST);
    variables.put("band", "TEST");
    variables.put("total", 0);
    variables.put("pointsYear", testYear);
    variables.put("ruleSet", ruleSet.key());
    variables.put("chooseMonths", false);
    String pi = engine.call(() -> runtime.createMessageCorrelation(MESSAGE_TEST_FAILED)
        .processInstanceBusinessKey(caseNo).setVariables(variables).correlateStartMessage()).getId();
    mapper.attachProcess(caseNo, pi);
    return pi;
  }

  private TestResult testResult(Person p, PersonTest t) {
    if (Boolean.TRUE.equals(t.passed())) {
      return new TestResult(t, null, null, null);
    }
    List<PersonnelMeasure> failed = new ArrayList<>(mapper.ofPerson(p.id()).stream()
        .filter(m -> PersonnelMeasure.FAILED_TEST.equals(m.measure())).toList());
    PersonnelMeasure last = failed.isEmpty() ? null : failed.get(failed.size() - 1);
    return last == null ? new TestResult(t, null, null, null)
        : new TestResult(t, last.barUntil(), last.caseNo(), last.status());
  }

  /** The exam form a person takes on a date (R-PERS-2). */
  @Transactional(readOnly = true)
  public Map<String, Object> examFormOf(String nationalCode, LocalDate on) {
    Person p = personnel.visibleByCode(nationalCode);
    LocalDate date = on != null ? on : LocalDate.now(clock);
    return Map.of("nationalCode", nationalCode, "date", date.toString(), "age",
        Period.between(p.birthDate(), date).getYears(), "examForm", examForm(p.birthDate(), date));
  }

  /** A value and whether this call recorded it (false = the same request again). */
  public record Recorded<T>(T value, boolean created) {
  }
}
